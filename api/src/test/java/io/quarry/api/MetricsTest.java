package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prometheus metrics: request latency histograms, database time, cache results, errors by code. */
@MicronautTest
class MetricsTest extends ApiTest {

    @Test
    void prometheusShowsLatencyDatabaseTimeCacheAndErrors() {
        String token = token("t", List.of(1L));
        for (int i = 0; i < 2; i++) {
            client.toBlocking().retrieve(HttpRequest.POST("/api/v1/reports/query", "METRICS spend, clicks WHERE date DURING LAST_30_DAYS")
                    .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token));
        }
        try {
            client.toBlocking().retrieve(HttpRequest.POST("/api/v1/reports/query", "METRICS spnd")
                    .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token));
        } catch (HttpClientResponseException expected) {
            assertThat(expected.getStatus().getCode()).isEqualTo(422);
        }
        String metrics = client.toBlocking().retrieve("/prometheus");
        assertThat(metrics).contains("http_server_requests_seconds_bucket")
                .contains("quarry_report_database_seconds_bucket")
                .containsPattern("quarry_report_cache_total\\{result=\"hit\"\\} [1-9]")
                .containsPattern("quarry_errors_total\\{code=\"UNKNOWN_FIELD\"\\} [1-9]");
    }
}
