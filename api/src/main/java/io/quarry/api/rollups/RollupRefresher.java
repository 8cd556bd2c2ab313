package io.quarry.api.rollups;

import io.quarry.api.db.DirectDataSource;
import io.quarry.planner.model.Rollup;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.plan.RollupStatements;
import io.quarry.planner.sql.JdbcBinder;
import io.quarry.planner.sql.RenderedSql;
import io.quarry.planner.sql.RollupRefresh;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * One rollup's refresh, in one transaction: lock its state row, re-roll its buckets from the
 * earliest time it may lack (everything when it was never built) with the planner's delete and
 * insert, and mark it as holding every row. Ingest marks a rollup dirty under the same row lock,
 * so a batch committed while the refresh runs waits for it and then marks the rollup dirty
 * again: no batch's rows are lost. A failure rolls everything back, leaving the rollup as it
 * was, still dirty.
 */
@Singleton
final class RollupRefresher {

    /**
     * What a refresh did.
     *
     * @param from  the earliest time re-rolled (the planner widens it to its bucket's start); empty
     *              when the rollup was rebuilt whole
     * @param rows  the rows it inserted
     */
    record Outcome(String rollup, Optional<Instant> from, long rows, long millis) {
    }

    private final DirectDataSource dataSource;
    private final SemanticModel model;
    private final RollupStateRepository states;
    private final HllExtension hll;

    RollupRefresher(DirectDataSource dataSource, SemanticModel model, RollupStateRepository states,
                    HllExtension hll) {
        this.dataSource = dataSource;
        this.model = model;
        this.states = states;
        this.hll = hll;
    }

    /**
     * Refreshes {@code rollup} if it needs it: when it is dirty or never built, or when
     * {@code atLeastFrom} asks to re-roll from then on in any case. Empty when there was nothing
     * to do (or it has no state row yet).
     */
    Optional<Outcome> refresh(Rollup rollup, Optional<Instant> atLeastFrom) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.connection()) {
            connection.setAutoCommit(false);
            try {
                Optional<RollupState> state = states.lock(connection, rollup.name());
                Optional<Reroll> reroll = state.flatMap(s -> reroll(s, atLeastFrom));
                if (reroll.isEmpty()) {
                    connection.rollback();
                    return Optional.empty();
                }
                Optional<Instant> from = reroll.get().from();
                RollupRefresh statements = RollupStatements.refresh(model, rollup, from, hll.installed());
                execute(connection, statements.delete());
                long rows = execute(connection, statements.insert());
                long millis = (System.nanoTime() - started) / 1_000_000;
                states.refreshed(connection, rollup.name(), rows, millis);
                connection.commit();
                return Optional.of(new Outcome(rollup.name(), from, rows, millis));
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** The buckets to re-roll: those from {@code from} on, all of them when it is empty. */
    private record Reroll(Optional<Instant> from) {
    }

    /** What a rollup in {@code state} needs re-rolled; empty when nothing. */
    private static Optional<Reroll> reroll(RollupState state, Optional<Instant> atLeastFrom) {
        if (!state.built()) {
            return Optional.of(new Reroll(Optional.empty()));
        }
        Optional<Instant> from = state.dirtyFrom();
        if (atLeastFrom.isPresent()) {
            from = Optional.of(from.filter(dirty -> dirty.isBefore(atLeastFrom.get())).orElse(atLeastFrom.get()));
        }
        return from.map(instant -> new Reroll(Optional.of(instant)));
    }

    private static long execute(Connection connection, RenderedSql sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            JdbcBinder.bind(statement, sql.binds());
            return statement.executeLargeUpdate();
        }
    }
}
