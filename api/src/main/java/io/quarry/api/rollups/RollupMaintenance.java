package io.quarry.api.rollups;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.quarry.planner.model.Dataset;
import io.quarry.planner.model.Rollup;
import io.quarry.planner.model.SemanticModel;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the model's rollups (docs/rollups.md). At the server's start it gives every rollup a
 * state row (never built); then, when {@code quarry.rollups.enabled}, it refreshes every rollup on
 * a schedule, re-rolling at least the {@code lookback} (rows written outside the ingest API), and
 * a dataset's rollups {@code debounce} after an ingest batch into it commits (batches committed
 * meanwhile join that refresh). One run at a time in this instance; across instances the state
 * row's lock serializes each rollup's refreshes. A failed refresh is logged, counted and
 * recorded ({@code last_error}), and retried on the next run.
 */
@Singleton
public final class RollupMaintenance {

    private static final Logger LOG = LoggerFactory.getLogger(RollupMaintenance.class);

    private final SemanticModel model;
    private final RollupConfiguration configuration;
    private final RollupRefresher refresher;
    private final RollupStateRepository states;
    private final RollupCoverages coverages;
    private final RollupMetrics metrics;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private final ReentrantLock running = new ReentrantLock();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    RollupMaintenance(SemanticModel model, RollupConfiguration configuration, RollupRefresher refresher,
                      RollupStateRepository states, RollupCoverages coverages, RollupMetrics metrics, Clock clock,
                      @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.model = model;
        this.configuration = configuration;
        this.refresher = refresher;
        this.states = states;
        this.coverages = coverages;
        this.metrics = metrics;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        try {
            states.ensure(model.rollups());
        } catch (SQLException e) {
            LOG.error("Could not add the rollups' state rows; rollups without one are not read", e);
        }
        if (configuration.enabled()) {
            scheduler.scheduleWithFixedDelay(configuration.initialDelay(), configuration.interval(), this::scheduled);
        }
    }

    /**
     * In an ingest batch's transaction, before it commits: marks the rollups of the datasets
     * stored in {@code factTable} as lacking rows from {@code earliest} on (a date's UTC midnight
     * for a date column).
     */
    public void markDirty(Connection connection, String factTable, Instant earliest) throws SQLException {
        for (Dataset dataset : model.datasets()) {
            if (dataset.table().equals(factTable)) {
                states.markDirty(connection, dataset.name(), earliest);
            }
        }
    }

    /** After an ingest batch into {@code factTable} committed: plans see it now, and its rollups refresh soon. */
    public void ingested(String factTable) {
        coverages.invalidate();
        if (!configuration.enabled()) {
            return;
        }
        for (Dataset dataset : model.datasets()) {
            if (dataset.table().equals(factTable) && pending.add(dataset.name())) {
                try {
                    scheduler.schedule(configuration.debounce(), () -> {
                        pending.remove(dataset.name());
                        run(rollupsOf(dataset.name()), Optional.empty());
                    });
                } catch (RejectedExecutionException e) {
                    // Shutting down: the rollups stay marked dirty; the next start's first run refreshes them.
                    pending.remove(dataset.name());
                }
            }
        }
    }

    /** A scheduled run: every rollup, re-rolled at least over the lookback. */
    List<RollupRefresher.Outcome> scheduled() {
        Optional<Instant> lookback = configuration.lookback().isZero() ? Optional.empty()
                : Optional.of(clock.instant().minus(configuration.lookback()));
        return run(model.rollups(), lookback);
    }

    /**
     * Refreshes each of {@code rollups} that needs it (see {@link RollupRefresher#refresh}); a
     * failure of one is recorded and does not stop the others. Returns what was refreshed.
     */
    List<RollupRefresher.Outcome> run(List<Rollup> rollups, Optional<Instant> atLeastFrom) {
        List<RollupRefresher.Outcome> outcomes = new ArrayList<>();
        running.lock();
        try {
            for (Rollup rollup : rollups) {
                refresh(rollup, atLeastFrom).ifPresent(outcomes::add);
            }
        } finally {
            running.unlock();
        }
        return outcomes;
    }

    private Optional<RollupRefresher.Outcome> refresh(Rollup rollup, Optional<Instant> atLeastFrom) {
        try {
            Optional<RollupRefresher.Outcome> outcome = refresher.refresh(rollup, atLeastFrom);
            outcome.ifPresent(done -> {
                coverages.invalidate();
                metrics.refreshed(done.rollup(), done.millis());
                LOG.info("Rollup {} refreshed from {}: {} rows in {} ms", done.rollup(),
                        done.from().map(Instant::toString).orElse("the start (rebuilt)"), done.rows(), done.millis());
            });
            return outcome;
        } catch (SQLException | RuntimeException e) {
            metrics.failed(rollup.name());
            LOG.warn("Rollup {} refresh failed; it stays as it was (dirty) and is retried on the next run",
                    rollup.name(), e);
            try {
                states.failed(rollup.name(), e.getMessage());
            } catch (SQLException recording) {
                LOG.warn("Could not record the failure of rollup {}: {}", rollup.name(), recording.getMessage());
            }
            return Optional.empty();
        }
    }

    private List<Rollup> rollupsOf(String dataset) {
        return model.rollups().stream().filter(rollup -> rollup.dataset().equals(dataset)).toList();
    }
}
