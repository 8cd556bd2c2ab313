package io.quarry.planner.plan;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the rollups hold, as of one moment: for each rollup that has been built, the instant
 * before which it holds every fact row (its maintenance job re-rolled everything before that;
 * rows ingested since with earlier times mark it dirty from their time on). {@link Instant#MAX}
 * when it holds every row. A rollup not listed is not read. For a dataset whose time column is
 * a date, the instant is that day's start in UTC.
 */
public record RollupCoverage(Map<String, Instant> exactBefore) {

    /** No rollup is read: every report reads the facts. */
    public static final RollupCoverage NONE = new RollupCoverage(Map.of());

    public RollupCoverage {
        exactBefore = Map.copyOf(exactBefore);
    }

    Optional<Instant> exactBefore(String rollup) {
        return Optional.ofNullable(exactBefore.get(rollup));
    }
}
