package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Errors a UI developer met that misled: each says what is wrong and how to fix it. */
@MicronautTest
class ErrorAnswersTest extends ApiTest {

    private static final String PIVOT = "DIMENSIONS campaign.status, date.month METRICS spend"
            + " WHERE date BETWEEN DATE '2026-04-16' AND DATE '2026-06-14' PIVOT BY date.month";

    @Test
    void aPivotReportSentForRowsIsRefusedAtPivotBy() {
        String body = error(report("/api/v1/reports/query", PIVOT, token("ui", List.of(1L))), 422);
        assertThat(body).contains("\"code\":\"UNSUPPORTED\"", "/reports/pivot", "\"line\":1");
    }

    @Test
    void aPivotReportIsExplainedAsThePivotItIs() {
        String explain = client.toBlocking().retrieve(report("/api/v1/reports/explain", PIVOT,
                token("ui", List.of(1L))));
        assertThat(explain).contains("\"sql\"");
    }

    @Test
    void aPivotAskedForAsNdjsonSaysWhatItCanAnswer() {
        String body = error(report("/api/v1/reports/pivot", PIVOT, token("ui", List.of(1L)))
                .accept("application/x-ndjson"), 406);
        assertThat(body).contains("\"code\":\"NOT_ACCEPTABLE\"", "application/json", "text/csv");
    }

    @Test
    void httpLevelCodesAreUpperSnakeCaseLikeReportCodes() {
        String body = error(HttpRequest.GET("/api/v1/no-such-thing").bearerAuth(token("ui", List.of(1L))), 404);
        assertThat(body).contains("\"code\":\"NOT_FOUND\"");
    }

}
