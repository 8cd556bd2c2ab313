package io.quarry.api.rollups;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One rollup's row of {@code quarry_rollup_state} (migration V13).
 *
 * @param built       false while it was never built ({@code dirty_from = '-infinity'}): it is not read
 * @param dirtyFrom   the earliest fact time it may lack rows of; empty when it holds every row
 * @param refreshRows the rows its last refresh inserted, if it ran
 */
record RollupState(String rollup, boolean built, Optional<Instant> dirtyFrom, OptionalLong refreshRows) {

    /** The instant before which it holds every fact row, for the planner; empty when it is not built. */
    Optional<Instant> exactBefore() {
        return built ? Optional.of(dirtyFrom.orElse(Instant.MAX)) : Optional.empty();
    }

    /**
     * How far behind it is, in seconds: how long ago the earliest time it lacks rows of was (0 when
     * it holds every row, or lacks only rows later than {@code now}); infinite when never built.
     */
    double lagSeconds(Instant now) {
        if (!built) {
            return Double.POSITIVE_INFINITY;
        }
        return dirtyFrom.map(from -> Math.max(0, Duration.between(from, now).toMillis() / 1000.0)).orElse(0.0);
    }
}
