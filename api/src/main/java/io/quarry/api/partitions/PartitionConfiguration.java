package io.quarry.api.partitions;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The time-partition lifecycle of the fact tables (monthly partitions, UTC month starts).
 *
 * @param enabled         whether the schedule runs ({@code quarry.partitions.interval}, 1h by default)
 * @param monthsAhead     months after the current one that always have a partition, so rows for
 *                        them can be written before the month starts
 * @param tables          the range-partitioned tables to maintain
 * @param retentionMonths per table, how many months before the current one are kept; older
 *                        partitions are dropped. A table without an entry keeps everything
 */
@ConfigurationProperties("quarry.partitions")
public record PartitionConfiguration(@Bindable(defaultValue = "true") boolean enabled,
                                     @Bindable(defaultValue = "3") int monthsAhead,
                                     @Bindable(defaultValue = "events,ad_stats_daily") List<String> tables,
                                     @Nullable Map<String, Integer> retentionMonths) {

    public PartitionConfiguration {
        if (monthsAhead < 0) {
            throw new IllegalArgumentException("quarry.partitions.months-ahead must not be negative");
        }
        // Micronaut writes map keys in kebab case (ad-stats-daily); table names have underscores.
        retentionMonths = retentionMonths == null ? Map.of() : retentionMonths.entrySet().stream().collect(
                java.util.stream.Collectors.toUnmodifiableMap(e -> e.getKey().replace('-', '_'), Map.Entry::getValue));
        retentionMonths.forEach((table, months) -> {
            if (months == null || months < 1) {
                throw new IllegalArgumentException("quarry.partitions.retention-months." + table + " must be at least 1");
            }
        });
        tables = List.copyOf(tables);
    }

    /** The policy of each maintained table. */
    List<TablePolicy> policies() {
        return tables.stream().map(table -> new TablePolicy(table, monthsAhead,
                retentionMonths.containsKey(table) ? OptionalInt.of(retentionMonths.get(table)) : OptionalInt.empty()))
                .toList();
    }

    /** What to keep of one table: partitions {@code monthsAhead} ahead, and {@code retentionMonths} back if set. */
    public record TablePolicy(String table, int monthsAhead, OptionalInt retentionMonths) {
    }
}
