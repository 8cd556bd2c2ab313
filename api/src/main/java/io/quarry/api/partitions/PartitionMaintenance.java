package io.quarry.api.partitions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import io.quarry.api.partitions.PartitionConfiguration.TablePolicy;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the fact tables' monthly partitions: every table has partitions up to
 * {@code months-ahead} months after the current (UTC) month, and a table with a retention loses
 * the partitions that end before the first day of the month {@code retention} months back (the
 * current month and that many before it are kept). It runs on a schedule and once shortly after
 * start; a failed run is logged, counted ({@code quarry_partition_maintenance_failures_total})
 * and retried on the next one. Every step is idempotent.
 */
@Singleton
public final class PartitionMaintenance {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionMaintenance.class);

    private final PartitionConfiguration configuration;
    private final PartitionRepository partitions;
    private final MeterRegistry registry;

    PartitionMaintenance(PartitionConfiguration configuration, PartitionRepository partitions,
                         MeterRegistry registry) {
        this.configuration = configuration;
        this.partitions = partitions;
        this.registry = registry;
    }

    /** What a run did to one table. */
    public record Outcome(String table, int created, int dropped) {
    }

    @Scheduled(fixedDelay = "${quarry.partitions.interval:1h}", initialDelay = "${quarry.partitions.initial-delay:30s}")
    void scheduled() {
        if (!configuration.enabled()) {
            return;
        }
        try {
            maintain(configuration.policies(), LocalDate.now(ZoneOffset.UTC))
                    .ifPresent(outcomes -> LOG.info("Partition maintenance: {}", outcomes));
        } catch (RuntimeException | SQLException e) {
            Counter.builder("quarry.partition.maintenance.failures")
                    .description("Partition maintenance runs that failed (retried on the next run)")
                    .register(registry).increment();
            LOG.warn("Partition maintenance failed; it runs again on schedule", e);
        }
    }

    /**
     * Applies {@code policies} as of {@code today}; empty when another instance is maintaining
     * at the moment.
     */
    public Optional<List<Outcome>> maintain(List<TablePolicy> policies, LocalDate today) throws SQLException {
        LocalDate month = today.withDayOfMonth(1);
        return partitions.locked(session -> {
            List<Outcome> outcomes = new ArrayList<>();
            for (TablePolicy policy : policies) {
                int created = session.create(policy.table(), month, month.plusMonths(policy.monthsAhead() + 1L));
                int dropped = policy.retentionMonths().isPresent()
                        ? session.drop(policy.table(), month.minusMonths(policy.retentionMonths().getAsInt()))
                        : 0;
                count("quarry.partitions.created", policy.table(), created);
                count("quarry.partitions.dropped", policy.table(), dropped);
                outcomes.add(new Outcome(policy.table(), created, dropped));
            }
            return List.copyOf(outcomes);
        });
    }

    private void count(String name, String table, int amount) {
        Counter.builder(name).tag("table", table).description("Time partitions " + name.substring(name.lastIndexOf('.') + 1)
                + " by partition maintenance").register(registry).increment(amount);
    }
}
