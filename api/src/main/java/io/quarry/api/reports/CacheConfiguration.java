package io.quarry.api.reports;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;

/**
 * The report result cache. Dashboards refresh every half minute or so; identical reports within
 * {@code ttl} (same SQL, same bound values, so the same accounts and dates) share one result, and
 * identical reports arriving together share one database query.
 *
 * @param ttl      how long a result is reused; zero turns caching and coalescing off
 * @param maxBytes about how much heap the cached rows may take (estimated per value); the least
 *                 recently used results go first
 */
@ConfigurationProperties("quarry.cache")
public record CacheConfiguration(@Bindable(defaultValue = "30s") Duration ttl,
                                 @ReadableBytes @Bindable(defaultValue = "256MB") long maxBytes) {
}
