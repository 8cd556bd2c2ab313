package io.quarry.api.reports;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The report result cache. Dashboards refresh every half minute or so; identical reports within
 * {@code ttl} (same SQL, same bound values, so the same accounts and dates) share one result, and
 * identical reports arriving together share one database query.
 *
 * @param ttl        how long a result is reused; zero turns caching and coalescing off
 * @param maxEntries the most results kept
 */
@ConfigurationProperties("quarry.cache")
public record CacheConfiguration(@Bindable(defaultValue = "30s") Duration ttl,
                                 @Bindable(defaultValue = "1000") int maxEntries) {
}
