package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Inputs the adversarial fuzzer answered with 500, each now a clear 4xx or a proper answer. */
@MicronautTest
class FuzzFindingsTest extends ApiTest {

    private static final String PIVOT = "DIMENSIONS campaign.status, date.month METRICS spend"
            + " WHERE date BETWEEN DATE '2026-04-16' AND DATE '2026-06-14' PIVOT BY date.month";

    @Test
    void nulInASavedReportNameOrListFilterIs400() {
        String token = token("fuzz", List.of(1L));
        HttpClientResponseException list = error(HttpRequest.GET("/api/v1/saved-reports?name=a%00b").bearerAuth(token));
        assertThat(list.getStatus().getCode()).isEqualTo(422);
        assertThat(list.getResponse().getBody(String.class).orElse("")).contains("NUL_CHARACTER");
        HttpClientResponseException save = error(HttpRequest.POST("/api/v1/saved-reports", Map.of("account", 1,
                "name", "a\u0000b", "definition", PIVOT)).bearerAuth(token));
        assertThat(save.getStatus().getCode()).isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSavedPivotRunAnswersJsonToAClientThatAcceptsNdjson() {
        String token = token("fuzz", List.of(1L));
        Map<String, Object> saved = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/saved-reports",
                Map.of("account", 1, "name", "pivot " + System.nanoTime(), "definition", PIVOT)).bearerAuth(token),
                Map.class);
        HttpResponse<String> answer = client.toBlocking().exchange(HttpRequest.POST("/api/v1/saved-reports/"
                + saved.get("id") + "/run", Map.of()).accept("application/x-ndjson").bearerAuth(token), String.class);
        assertThat(answer.getStatus().getCode()).isEqualTo(200);
        assertThat(answer.getContentType()).hasValue(MediaType.APPLICATION_JSON_TYPE);
        assertThat(answer.body()).contains("\"columnDimensions\"");
    }

    @Test
    void aListOffsetPastTheLimitIs400NotACitusError() {
        HttpClientResponseException huge = error(HttpRequest.GET("/api/v1/saved-reports?offset=9223372036854775807")
                .bearerAuth(token("fuzz", List.of(1L))));
        assertThat(huge.getStatus().getCode()).isEqualTo(400);
        assertThat(huge.getResponse().getBody(String.class).orElse("")).contains("offset");
    }

    @Test
    void aPivotWithTheLargestLimitAndAnOffsetAnswers() {
        HttpResponse<String> answer = client.toBlocking().exchange(report("/api/v1/reports/pivot",
                PIVOT.replace(" PIVOT BY", " LIMIT 9223372036854775807 OFFSET 1 PIVOT BY"), token("fuzz", List.of(1L))), String.class);
        assertThat(answer.getStatus().getCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"columnDimensions\"");
    }

    @Test
    void anEmptyPivotWritesItsEmptyLists() {
        HttpResponse<String> answer = client.toBlocking().exchange(report("/api/v1/reports/pivot",
                PIVOT.replace("2026-04-16", "2001-01-01").replace("2026-06-14", "2001-01-31"),
                token("fuzz", List.of(1L))), String.class);
        assertThat(answer.body()).contains("\"rows\":[]", "\"columns\":[]", "\"columnTotals\":[]");
    }

    /** The three 5xx classes of the first million-input fuzz run (all UNSAFE_PLAN from the second wall). */
    @Test
    void theMillionInputFuzzFindingsAnswer4xxOr200() {
        String token = token("fuzz", List.of(1L));
        String controlInName = "DIMENSIONS campaign.id AS \"\u00fc\n/2\" METRICS clicks, spend"
                + " WHERE date DURING LAST_90_DAYS";
        assertThat(error(report("/api/v1/reports/query", controlInName, token)).getStatus().getCode()).isEqualTo(422);
        String totalsWithoutMetrics = "DIMENSIONS date.week WHERE date DURING THIS_YEAR TOTALS GRAND TIMEZONE '+14:00'";
        assertThat(error(report("/api/v1/reports/explain", totalsWithoutMetrics, token)).getStatus().getCode())
                .isEqualTo(422);
        String commentInName = "METRICS roas, sum(CASE WHEN account.currency = '*/*' THEN ad.id ELSE 0 END)"
                + " WHERE date DURING LAST_90_DAYS";
        for (String endpoint : List.of("/api/v1/reports/explain", "/api/v1/reports/query")) {
            assertThat(client.toBlocking().exchange(report(endpoint, commentInName, token), String.class)
                    .getStatus().getCode()).isEqualTo(200);
        }
    }

    /** A long sum is one chain in the planned statement: it answers (it took JSqlParser minutes). */
    @Test
    @Timeout(60)
    void aLongSumAnswers() {
        String sum = String.join(" + ", java.util.Collections.nCopies(40, "spend"));
        HttpResponse<String> answer = client.toBlocking().exchange(report("/api/v1/reports/query", "METRICS " + sum
                + " AS total WHERE date BETWEEN DATE '2026-04-16' AND DATE '2026-06-14'", token("fuzz", List.of(1L))),
                String.class);
        assertThat(answer.getStatus().getCode()).isEqualTo(200);
    }

    /**
     * {@code ((((spend + spend) * 2 + spend) * 2 ...)}: twenty directly nested parentheses in the
     * planned statement, beyond what the safety check parses within its budget.
     */
    @Test
    @Timeout(60)
    void aReportTooDeeplyNestedToCheckIs422() {
        String nested = "spend";
        for (int i = 0; i < 10; i++) {
            nested = "(" + nested + " + spend) * 2";
        }
        HttpClientResponseException deep = error(report("/api/v1/reports/query", "METRICS " + nested + " AS total"
                + " WHERE date BETWEEN DATE '2026-04-16' AND DATE '2026-06-14'", token("fuzz", List.of(1L))));
        assertThat(deep.getStatus().getCode()).isEqualTo(422);
        assertThat(deep.getResponse().getBody(String.class).orElse("")).contains("REPORT_TOO_COMPLEX");
    }

    private HttpClientResponseException error(HttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected an error for " + request.getPath());
    }
}
