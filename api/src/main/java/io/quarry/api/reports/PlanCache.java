package io.quarry.api.reports;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.resolve.ReportOutput;
import io.quarry.planner.tenant.TenantScope;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Plans of reports, reused while nothing they depend on changes. A plan is a pure function of
 * the report (a body's text, or a saved report's definition and values), the tenant scope, the
 * output, the model (fixed while the server runs) and the clock, which only relative dates such
 * as {@code today()} read, as a date in the report's time zone. Every zone's offset is a whole
 * number of quarter hours, so a date in any zone can only change at a quarter-hour boundary:
 * keying on the quarter hour keeps every cached plan exact. Dashboards send the same few reports
 * over and over, so this skips parsing, planning and the safety check for most requests.
 * Failures are not cached; the key includes the scope, so a plan is only ever reused for a
 * caller with exactly the same accounts. Which rollups a plan reads depends on what they hold
 * when it is planned: the key includes the rollup coverage's generation, which changes whenever
 * the coverage does, so a plan never outlives the coverage it was made with.
 */
@Singleton
public final class PlanCache {

    /** The most report text and SQL kept, in characters. */
    static final long MAX_CHARS = 16L << 20;
    private static final long QUARTER_HOUR_MILLIS = 15 * 60 * 1000;

    record Key(ReportSource source, TenantScope scope, ReportOutput output, long rollups, long quarterHour) {
    }

    private final Cache<Key, PlannedQuery> plans = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS)
            .weigher((Key key, PlannedQuery plan) -> weight(key.source()) + plan.sql().sql().length())
            .build();
    private final Clock clock;

    PlanCache(Clock clock) {
        this.clock = clock;
    }

    /**
     * The plan of {@code source} for {@code scope}, planned (and checked) by {@code planner} on a
     * miss; {@code rollups} is the generation of the rollup coverage the planner plans with.
     */
    PlannedQuery get(ReportSource source, TenantScope scope, ReportOutput output, long rollups,
                     Supplier<PlannedQuery> planner) {
        Key key = new Key(source, scope, output, rollups, clock.millis() / QUARTER_HOUR_MILLIS);
        PlannedQuery cached = plans.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        PlannedQuery planned = planner.get();
        plans.put(key, planned);
        return planned;
    }

    private static int weight(ReportSource source) {
        return source instanceof ReportSource.Body body ? body.body().length() : 4096;
    }
}
