package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A report over the statement timeout is cancelled by the database and answered 504, not 500. */
@MicronautTest
class StatementTimeoutTest extends ApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabaseProperties.get());
        properties.put("quarry.execution.statement-timeout", "1ms");
        return properties;
    }

    @Test
    void aQueryOverTheTimeoutIs504ProblemJson() {
        String token = token("t", List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L));
        try {
            client.toBlocking().exchange(HttpRequest.POST("/api/v1/reports/query", """
                    FROM ad_stats
                    DIMENSIONS ad.id, date.day, campaign.name
                    METRICS spend, clicks, count(DISTINCT ad_set.id) AS ad_sets
                    WHERE date BETWEEN DATE '2026-04-16' AND DATE '2026-06-14'
                    TOTALS GRAND
                    CURRENCY 'USD'
                    """).contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token), Argument.mapOf(String.class, Object.class));
            throw new AssertionError("expected a timeout");
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(504);
            Map<String, Object> problem = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
            assertThat(problem).containsEntry("code", "STATEMENT_TIMEOUT").doesNotContainKey("sql");
        }
    }
}
