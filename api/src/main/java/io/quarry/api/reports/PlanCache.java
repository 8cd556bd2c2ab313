package io.quarry.api.reports;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarry.planner.plan.PlannedQuery;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Plans of report bodies, reused while nothing they depend on changes. A plan is a pure function
 * of the report's text, the caller's accounts, the model (fixed while the server runs) and the
 * clock, which only relative dates such as {@code today()} read, as a date in the report's time
 * zone. Every zone's offset is a whole number of quarter hours, so a date in any zone can only
 * change at a quarter-hour boundary: keying on the quarter hour keeps every cached plan exact.
 * Dashboards send the same few reports over and over, so this skips parsing and planning for
 * most requests. Failures are not cached; the key includes the accounts, so a plan is only ever
 * reused for a caller with exactly the same tenant scope.
 */
@Singleton
public final class PlanCache {

    /** The most report text and SQL kept, in characters. */
    static final long MAX_CHARS = 16L << 20;
    private static final long QUARTER_HOUR_MILLIS = 15 * 60 * 1000;

    record Key(boolean text, String body, List<Long> accounts, long quarterHour) {
    }

    private final Cache<Key, PlannedQuery> plans = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS)
            .weigher((Key key, PlannedQuery plan) -> key.body().length() + plan.sql().sql().length())
            .build();
    private final Clock clock;

    PlanCache(Clock clock) {
        this.clock = clock;
    }

    /** The plan of {@code body} for {@code accounts}, planned by {@code planner} on a miss. */
    PlannedQuery get(boolean text, String body, Set<Long> accounts, Supplier<PlannedQuery> planner) {
        Key key = new Key(text, body, accounts.stream().sorted().toList(), clock.millis() / QUARTER_HOUR_MILLIS);
        PlannedQuery cached = plans.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        PlannedQuery planned = planner.get();
        plans.put(key, planned);
        return planned;
    }
}
