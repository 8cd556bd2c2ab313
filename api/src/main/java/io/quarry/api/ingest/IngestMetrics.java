package io.quarry.api.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * Ingest's meters, by table: rows stored ({@code quarry_ingest_rows_total}), batches applied or
 * replayed ({@code quarry_ingest_batches_total{result}}), their time
 * ({@code quarry_ingest_batch_seconds}) and refused batches by reason
 * ({@code quarry_ingest_failures_total{reason}}: invalid_rows, account_not_permitted,
 * not_permitted, body_too_large, too_many, duplicate, ...) and the batches running now
 * ({@code quarry_ingest_active}).
 */
@Singleton
final class IngestMetrics {

    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry, IngestLimiter limiter) {
        this.registry = registry;
        Gauge.builder("quarry.ingest.active", limiter::active).description("Ingest batches running now")
                .register(registry);
    }

    void applied(IngestTable table, long rows, long nanos) {
        Counter.builder("quarry.ingest.rows").tag("table", table.endpoint()).description("Rows ingested")
                .register(registry).increment(rows);
        batch(table.endpoint(), "applied");
        Timer.builder("quarry.ingest.batch").tag("table", table.endpoint()).description("Time of applied batches")
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void replayed(IngestTable table) {
        batch(table.endpoint(), "replayed");
    }

    /** A refused batch; {@code path} is the request's, its last segment names the table. */
    void failed(String path, String reason) {
        String table = path.substring(path.lastIndexOf('/') + 1);
        Counter.builder("quarry.ingest.failures").tag("table", table.equals("ad-stats") ? table : "events")
                .tag("reason", reason).description("Ingest batches refused, by reason").register(registry).increment();
    }

    private void batch(String table, String result) {
        Counter.builder("quarry.ingest.batches").tag("table", table).tag("result", result)
                .description("Ingest batches, applied or replayed").register(registry).increment();
    }
}
