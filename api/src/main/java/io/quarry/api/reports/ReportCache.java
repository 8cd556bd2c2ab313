package io.quarry.api.reports;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarry.api.metrics.QuarryMetrics;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.sql.BindValue;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Caches query results and coalesces identical concurrent requests (Caffeine's async cache: the
 * first request computes, the others wait for the same future). The key is the planned SQL and
 * its bound values: two requests share a result only if they would run the same query for the
 * same accounts and dates. The cache is bounded by the estimated size of its rows. Failures are
 * not cached.
 */
@Singleton
public final class ReportCache {

    /** What a cached result is keyed by. */
    record Key(String sql, List<BindValue> binds) {
    }

    /** Runs the query on a miss. */
    interface Loader {
        QueryResult load() throws SQLException;
    }

    private final AsyncCache<Key, QueryResult> cache;
    private final QuarryMetrics metrics;

    ReportCache(CacheConfiguration configuration, QuarryMetrics metrics) {
        this.metrics = metrics;
        this.cache = configuration.ttl().isZero() ? null : Caffeine.newBuilder()
                .expireAfterWrite(configuration.ttl())
                .maximumWeight(configuration.maxBytes())
                .weigher((Key key, QueryResult result) -> ResultWeight.of(key.sql(), result))
                .buildAsync();
        if (cache != null) {
            metrics.cacheSize(() -> cache.synchronous().policy().eviction()
                    .flatMap(eviction -> eviction.weightedSize().stream().boxed().findFirst()).orElse(0L));
        }
    }

    /** The result of {@code query}: cached, being computed by another request, or loaded now. */
    QueryResult get(PlannedQuery query, Loader loader) throws SQLException {
        if (cache == null) {
            metrics.cacheMiss();
            return loader.load();
        }
        Key key = new Key(query.sql().sql(), query.sql().binds());
        CompletableFuture<QueryResult> mine = new CompletableFuture<>();
        CompletableFuture<QueryResult> shared = cache.asMap().putIfAbsent(key, mine);
        if (shared != null) {
            try {
                QueryResult result = join(shared).fromCache();
                metrics.cacheHit();
                return result;
            } catch (ReportExecutor.ClientGoneException e) {
                // the request we waited for was abandoned by its client: run our own
                return get(query, loader);
            }
        }
        metrics.cacheMiss();
        try {
            QueryResult result = loader.load();
            mine.complete(result);
            return result;
        } catch (SQLException | RuntimeException e) {
            mine.completeExceptionally(e);
            cache.asMap().remove(key, mine);
            throw e;
        }
    }

    private static QueryResult join(CompletableFuture<QueryResult> future) throws SQLException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for an identical report", "57014", e);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
