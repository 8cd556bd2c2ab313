package io.quarry.api.rollups;

import io.quarry.api.db.DirectDataSource;
import io.quarry.planner.model.Rollup;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rollups' state table, {@code quarry_rollup_state} (migration V13): one row per rollup,
 * whose {@code dirty_from} says what it holds. Writes that belong to a transaction of the caller
 * (ingest's marking, a refresh's lock and result) take its connection.
 */
@Singleton
public final class RollupStateRepository {

    private static final String COLUMNS = "rollup, dirty_from IS NULL OR isfinite(dirty_from),"
            + " CASE WHEN isfinite(dirty_from) THEN dirty_from END, refresh_rows FROM quarry_rollup_state";

    private final DirectDataSource dataSource;

    RollupStateRepository(DirectDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds the rows of rollups that have none yet, as never built; existing rows are kept. */
    void ensure(List<Rollup> rollups) throws SQLException {
        try (Connection connection = dataSource.connection();
             PreparedStatement statement = connection.prepareStatement("INSERT INTO quarry_rollup_state"
                     + " (rollup, dataset) VALUES (?, ?) ON CONFLICT (rollup) DO NOTHING")) {
            connection.setAutoCommit(true);
            for (Rollup rollup : rollups) {
                statement.setString(1, rollup.name());
                statement.setString(2, rollup.dataset());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Every rollup's state. */
    List<RollupState> all() throws SQLException {
        try (Connection connection = dataSource.connection();
             PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS);
             ResultSet rows = statement.executeQuery()) {
            List<RollupState> states = new ArrayList<>();
            while (rows.next()) {
                states.add(state(rows));
            }
            return states;
        }
    }

    /**
     * In the caller's transaction: marks the dataset's rollups as lacking the rows from
     * {@code from} on (never later than they were marked already). The row locks it takes are held
     * until the transaction ends, and it waits for a refresh in progress, so a refresh either sees
     * the transaction's rows or leaves the rollups dirty.
     */
    void markDirty(Connection connection, String dataset, Instant from) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE quarry_rollup_state"
                + " SET dirty_from = least(coalesce(dirty_from, 'infinity'), CAST(? AS timestamptz))"
                + " WHERE dataset = ?")) {
            statement.setObject(1, from.atOffset(ZoneOffset.UTC));
            statement.setString(2, dataset);
            statement.executeUpdate();
        }
    }

    /** In the caller's transaction: the rollup's state, its row locked until the transaction ends. */
    Optional<RollupState> lock(Connection connection, String rollup) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                + " WHERE rollup = ? FOR UPDATE")) {
            statement.setString(1, rollup);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(state(rows)) : Optional.empty();
            }
        }
    }

    /** In the refresh's transaction: the rollup holds every row now. */
    void refreshed(Connection connection, String rollup, long rows, long millis) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE quarry_rollup_state"
                + " SET dirty_from = NULL, refreshed_at = now(), refresh_rows = ?, refresh_ms = ?, last_error = NULL"
                + " WHERE rollup = ?")) {
            statement.setLong(1, rows);
            statement.setLong(2, millis);
            statement.setString(3, rollup);
            statement.executeUpdate();
        }
    }

    /** Records why the rollup's last refresh failed (in a transaction of its own). */
    void failed(String rollup, String error) throws SQLException {
        try (Connection connection = dataSource.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "UPDATE quarry_rollup_state SET last_error = ? WHERE rollup = ?")) {
            connection.setAutoCommit(true);
            statement.setString(1, error);
            statement.setString(2, rollup);
            statement.executeUpdate();
        }
    }

    private static RollupState state(ResultSet rows) throws SQLException {
        OffsetDateTime dirtyFrom = rows.getObject(3, OffsetDateTime.class);
        long refreshRows = rows.getLong(4);
        return new RollupState(rows.getString(1), rows.getBoolean(2),
                Optional.ofNullable(dirtyFrom).map(OffsetDateTime::toInstant),
                rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(refreshRows));
    }
}
