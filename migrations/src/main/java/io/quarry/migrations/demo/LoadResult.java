package io.quarry.migrations.demo;

import java.time.Duration;
import java.util.Map;

/**
 * What a demo data load wrote.
 *
 * @param rows       rows written per table, in load order
 * @param total      wall time of the whole load, planning and commit included
 * @param copyTime   wall time spent in COPY for all tables
 */
public record LoadResult(DemoDataSpec spec, Map<String, Long> rows, Duration total, Duration copyTime) {

    public LoadResult {
        rows = Map.copyOf(rows);
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows per second through COPY, over all tables. */
    public double rowsPerSecond() {
        double seconds = copyTime.toNanos() / 1e9;
        return seconds == 0 ? 0 : totalRows() / seconds;
    }
}
