package io.quarry.api.rollups;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.quarry.planner.plan.RollupCoverage;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the rollups hold, for the planner: the state table read into a {@link RollupCoverage},
 * kept for a second (other instances' ingest and refreshes show within that) and dropped at
 * once when this instance commits an ingest batch or a refresh, so a report planned after either
 * sees it: the cache is keyed by a count of those commits, so a read that began before one is
 * never taken for the state after it. Each snapshot carries a generation that changes whenever
 * the coverage does; plans are cached by it. When the state cannot be read (the database is
 * away), the coverage is {@link RollupCoverage#NONE}: reports read the facts, which are always
 * exact.
 */
@Singleton
public final class RollupCoverages {

    /**
     * The coverage as of one read, its generation, and the states it was made from (empty when
     * rollups are off or the state could not be read).
     */
    public record Snapshot(RollupCoverage coverage, long generation, List<RollupState> states) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RollupCoverages.class);
    private static final Duration FRESHNESS = Duration.ofSeconds(1);
    private static final Snapshot OFF = new Snapshot(RollupCoverage.NONE, 0, List.of());

    private final RollupConfiguration configuration;
    private final RollupStateRepository states;
    private final LoadingCache<Long, Snapshot> cache;
    private final AtomicLong changes = new AtomicLong();
    private Snapshot last = OFF;

    RollupCoverages(RollupConfiguration configuration, RollupStateRepository states) {
        this.configuration = configuration;
        this.states = states;
        this.cache = Caffeine.newBuilder().expireAfterWrite(FRESHNESS).maximumSize(4).build(key -> load());
    }

    /** The coverage to plan with now; {@link RollupCoverage#NONE} when rollups are off. */
    public Snapshot current() {
        return configuration.enabled() ? cache.get(changes.get()) : OFF;
    }

    /** Drops the cached coverage: the state table changed in a transaction this instance committed. */
    void invalidate() {
        changes.incrementAndGet();
    }

    private synchronized Snapshot load() {
        List<RollupState> read;
        try {
            read = states.all();
        } catch (SQLException e) {
            LOG.warn("Could not read the rollup state; reports read the facts meanwhile: {}", e.getMessage());
            read = List.of();
        }
        Map<String, Instant> exactBefore = new HashMap<>();
        read.forEach(state -> state.exactBefore().ifPresent(instant -> exactBefore.put(state.rollup(), instant)));
        RollupCoverage coverage = new RollupCoverage(exactBefore);
        last = new Snapshot(coverage, coverage.equals(last.coverage()) ? last.generation() : last.generation() + 1,
                read);
        return last;
    }

    /** The state of one rollup in the current snapshot, if it has a row. */
    Optional<RollupState> state(String rollup) {
        return current().states().stream().filter(s -> s.rollup().equals(rollup)).findFirst();
    }
}
