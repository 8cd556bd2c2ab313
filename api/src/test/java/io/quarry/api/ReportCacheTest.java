package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Identical reports share one database query while cached, and when they arrive together. */
@MicronautTest
class ReportCacheTest extends ApiTest {

    @Inject
    MeterRegistry meters;

    /** Report queries this server has sent to the database. */
    private long executions() {
        Timer timer = meters.find("quarry.report.database").tag("kind", "query").timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRepeatedReportIsServedFromTheCacheButNotForOtherAccounts() {
        String report = "DIMENSIONS campaign.objective METRICS spend WHERE date BETWEEN DATE '2026-05-01' AND DATE '2026-05-07'";
        long before = executions();
        Map<String, Object> first = query(report, List.of(1L, 3L));
        Map<String, Object> second = query(report, List.of(1L, 3L));
        Map<String, Object> other = query(report, List.of(1L));
        assertThat(((Map<String, Object>) first.get("meta")).get("cached")).isEqualTo(false);
        assertThat(((Map<String, Object>) second.get("meta")).get("cached")).isEqualTo(true);
        assertThat(second.get("rows")).isEqualTo(first.get("rows"));
        assertThat(((Map<String, Object>) other.get("meta")).get("cached")).isEqualTo(false);
        assertThat(executions() - before).isEqualTo(2);
    }

    @Test
    void identicalConcurrentRequestsRunOneQuery() throws Exception {
        String report = "FROM ad_stats DIMENSIONS ad.id, date.day METRICS spend, count(DISTINCT ad_set.id) AS s"
                + " WHERE date BETWEEN DATE '2026-04-16' AND DATE '2026-06-14' LIMIT 777 CURRENCY 'USD'";
        long before = executions();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Map<String, Object>>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String user = "viewer-" + i;
                calls.add(() -> query(user, report, List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L)));
            }
            List<Object> rows = new ArrayList<>();
            for (Future<Map<String, Object>> future : pool.invokeAll(calls)) {
                rows.add(future.get().get("rows"));
            }
            assertThat(rows).hasSize(6).allSatisfy(r -> assertThat(r).isEqualTo(rows.get(0)));
            assertThat((List<?>) rows.get(0)).isNotEmpty();
        } finally {
            pool.shutdown();
        }
        assertThat(executions() - before).isEqualTo(1);
    }

    private Map<String, Object> query(String report, List<Long> accounts) {
        return query("t", report, accounts);
    }

    /** Six viewers of one dashboard: each under its own per-caller limit, all sharing one query. */
    private Map<String, Object> query(String user, String report, List<Long> accounts) {
        String token = token(user, accounts);
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/reports/query", report)
                .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }
}
