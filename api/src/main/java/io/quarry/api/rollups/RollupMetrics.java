package io.quarry.api.rollups;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarry.planner.model.Rollup;
import io.quarry.planner.model.SemanticModel;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The rollups' meters, by rollup, read from the state table when scraped (so every instance
 * reports the same): how far behind each is ({@code quarry_rollup_lag_seconds}: now minus the
 * earliest time it lacks rows of, 0 when it holds every row, +Inf when never built), the rows its
 * last refresh inserted ({@code quarry_rollup_rows}), and this instance's refreshes
 * ({@code quarry_rollup_refresh_seconds}) and failed refreshes
 * ({@code quarry_rollup_failures_total}). A meter of a rollup with no state row reads NaN.
 */
@Singleton
final class RollupMetrics {

    private final MeterRegistry registry;

    RollupMetrics(MeterRegistry registry, SemanticModel model, RollupCoverages coverages, Clock clock) {
        this.registry = registry;
        for (Rollup rollup : model.rollups()) {
            String name = rollup.name();
            Gauge.builder("quarry.rollup.lag", () -> coverages.state(name)
                            .map(state -> state.lagSeconds(clock.instant())).orElse(Double.NaN))
                    .tag("rollup", name).baseUnit("seconds")
                    .description("How far behind the rollup is: now minus the earliest time it lacks rows of")
                    .register(registry);
            Gauge.builder("quarry.rollup.rows", () -> coverages.state(name).filter(s -> s.refreshRows().isPresent())
                            .map(s -> (double) s.refreshRows().getAsLong()).orElse(Double.NaN))
                    .tag("rollup", name).description("Rows the rollup's last refresh inserted").register(registry);
        }
    }

    void refreshed(String rollup, long millis) {
        Timer.builder("quarry.rollup.refresh").tag("rollup", rollup).description("Time of rollup refreshes")
                .register(registry).record(millis, TimeUnit.MILLISECONDS);
    }

    void failed(String rollup) {
        Counter.builder("quarry.rollup.failures").tag("rollup", rollup)
                .description("Rollup refreshes that failed (retried on the next run)").register(registry).increment();
    }
}
