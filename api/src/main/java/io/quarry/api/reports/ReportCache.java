package io.quarry.api.reports;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.sql.BindValue;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Caches report results and coalesces identical concurrent requests (Caffeine's async cache:
 * the first request computes, the others wait for the same future). The key is the planned SQL
 * and its bound values: two requests share a result only if they would run the same query for
 * the same accounts and dates. Failures are not cached.
 */
@Singleton
public final class ReportCache {

    /** What a cached result is keyed by. */
    record Key(String sql, List<BindValue> binds) {
    }

    /** Computes a result on a miss. */
    interface Loader {
        ReportResponse load() throws SQLException;
    }

    private final AsyncCache<Key, ReportResponse> cache;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    private final io.quarry.api.metrics.QuarryMetrics metrics;

    ReportCache(CacheConfiguration configuration, io.quarry.api.metrics.QuarryMetrics metrics) {
        this.metrics = metrics;
        this.cache = configuration.ttl().isZero() ? null : Caffeine.newBuilder()
                .expireAfterWrite(configuration.ttl())
                .maximumSize(configuration.maxEntries())
                .buildAsync();
    }

    /** The result for {@code query}: cached, being computed by another request, or loaded now. */
    ReportResponse get(PlannedQuery query, Loader loader) throws SQLException {
        if (cache == null) {
            misses.incrementAndGet();
            metrics.cacheMiss();
            return loader.load();
        }
        Key key = new Key(query.sql().sql(), query.sql().binds());
        CompletableFuture<ReportResponse> mine = new CompletableFuture<>();
        CompletableFuture<ReportResponse> shared = cache.asMap().putIfAbsent(key, mine);
        if (shared != null) {
            try {
                ReportResponse response = join(shared).cached();
                hits.incrementAndGet();
                metrics.cacheHit();
                return response;
            } catch (ReportExecutor.ClientGoneException e) {
                // the request we waited for was abandoned by its client: run our own
                return get(query, loader);
            }
        }
        misses.incrementAndGet();
        metrics.cacheMiss();
        try {
            ReportResponse response = loader.load();
            mine.complete(response);
            return response;
        } catch (SQLException | RuntimeException e) {
            mine.completeExceptionally(e);
            cache.asMap().remove(key, mine);
            throw e;
        }
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    private static ReportResponse join(CompletableFuture<ReportResponse> future) throws SQLException {
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
