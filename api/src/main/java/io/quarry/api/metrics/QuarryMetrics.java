package io.quarry.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Quarry's own meters: database time per report query, cache hits, misses and size, statements
 * the safety check refused, errors by code. In Prometheus: {@code quarry_report_database_seconds},
 * {@code quarry_report_cache_total}, {@code quarry_report_cache_size_bytes},
 * {@code quarry_safety_refused_total}, {@code quarry_errors_total}.
 */
@Singleton
public final class QuarryMetrics {

    private final MeterRegistry registry;
    private final Counter cacheHits;
    private final Counter cacheMisses;

    QuarryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.cacheHits = Counter.builder("quarry.report.cache").tag("result", "hit")
                .description("Reports answered from the cache or by an identical concurrent request")
                .register(registry);
        this.cacheMisses = Counter.builder("quarry.report.cache").tag("result", "miss")
                .description("Reports that ran their query").register(registry);
    }

    public void databaseTime(String kind, long nanos) {
        Timer.builder("quarry.report.database").tag("kind", kind).description("Database time of report queries")
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void cacheHit() {
        cacheHits.increment();
    }

    public void cacheMiss() {
        cacheMisses.increment();
    }

    /** The estimated bytes the result cache holds, read when scraped. */
    public void cacheSize(Supplier<Long> bytes) {
        Gauge.builder("quarry.report.cache.size", () -> bytes.get()).baseUnit("bytes")
                .description("Estimated heap taken by cached report results").register(registry);
    }

    /** A planned statement failed the safety check and was not run: alert on any. */
    public void unsafePlan() {
        Counter.builder("quarry.safety.refused").description("Planned statements refused by the safety check")
                .register(registry).increment();
    }

    /** A CSV / NDJSON stream that ended early: its response was aborted, not completed. */
    public void streamFailed(String reason) {
        Counter.builder("quarry.report.stream.failures").tag("reason", reason)
                .description("Report streams aborted after they started").register(registry).increment();
    }

    public void error(String code) {
        Counter.builder("quarry.errors").tag("code", code).description("Error responses by code")
                .register(registry).increment();
    }
}
