package io.quarry.api.rollups;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The rollups' maintenance job and whether reports read rollups ({@code quarry.rollups.*}; see
 * docs/rollups.md).
 *
 * @param enabled      whether the planner reads rollups and the job keeps them; off, every report
 *                     reads the facts and the rollups are left as they are (ingest still marks them
 *                     dirty, so turning it on again never reads a stale rollup)
 * @param interval     the delay between scheduled runs, each refreshing every rollup
 * @param initialDelay the delay from the server's start to the first scheduled run, which builds
 *                     the rollups never built yet
 * @param debounce     the delay from an ingest batch's commit to the refresh of its dataset's
 *                     rollups; batches committed meanwhile join that refresh
 * @param lookback     a scheduled run re-rolls at least the buckets of this last stretch of time
 *                     (before now), so rows written outside the ingest API without marking the
 *                     rollups dirty (a bulk COPY of today's rows, say) are counted within one
 *                     interval; zero re-rolls only what ingest marked dirty
 */
@ConfigurationProperties("quarry.rollups")
public record RollupConfiguration(@Bindable(defaultValue = "true") boolean enabled,
                                  @Bindable(defaultValue = "1m") Duration interval,
                                  @Bindable(defaultValue = "5s") Duration initialDelay,
                                  @Bindable(defaultValue = "2s") Duration debounce,
                                  @Bindable(defaultValue = "1d") Duration lookback) {

    public RollupConfiguration {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("quarry.rollups.interval must be positive");
        }
        if (initialDelay.isNegative() || debounce.isNegative() || lookback.isNegative()) {
            throw new IllegalArgumentException(
                    "quarry.rollups.initial-delay, debounce and lookback must not be negative");
        }
    }
}
