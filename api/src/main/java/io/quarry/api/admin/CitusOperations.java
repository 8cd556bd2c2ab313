package io.quarry.api.admin;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.quarry.api.db.DirectDataSource;
import io.quarry.planner.sql.Identifiers;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The Citus functions that move data: {@code isolate_tenant_to_new_shard} and the background
 * rebalancer ({@code citus_rebalance_start}, {@code _status}, {@code _stop}), with the
 * configured shard transfer mode.
 */
@Singleton
final class CitusOperations {

    private final DirectDataSource dataSource;
    private final AdminConfiguration configuration;
    private final JsonMapper json;

    CitusOperations(DirectDataSource dataSource, AdminConfiguration configuration, JsonMapper json) {
        this.dataSource = dataSource;
        this.configuration = configuration;
        this.json = json;
    }

    /** Splits {@code account}'s shard of {@code table} and every colocated table; the new shard's id. */
    long isolate(String table, long account) throws SQLException {
        try (Connection connection = dataSource.connection();
             PreparedStatement statement = connection.prepareStatement("SELECT isolate_tenant_to_new_shard("
                     + "?::regclass, ?::bigint, 'CASCADE', shard_transfer_mode => ?::citus.shard_transfer_mode)")) {
            statement.setString(1, Identifiers.quote(table));
            statement.setLong(2, account);
            statement.setString(3, configuration.shardTransferMode());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * Schedules a rebalance of every colocation group by {@code strategy} (a name in
     * {@code pg_dist_rebalance_strategy}; null: Citus's default); its Citus job id, or empty when
     * nothing needs to move.
     */
    Optional<Long> startRebalance(String strategy) throws SQLException {
        try (Connection connection = dataSource.connection();
             PreparedStatement statement = connection.prepareStatement("SELECT citus_rebalance_start("
                     + "rebalance_strategy => ?::name, shard_transfer_mode => ?::citus.shard_transfer_mode)")) {
            statement.setString(1, strategy);
            statement.setString(2, configuration.shardTransferMode());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                long job = rows.getLong(1);
                return rows.wasNull() ? Optional.empty() : Optional.of(job);
            }
        }
    }

    /** The latest rebalance job, if any ran in this database. */
    Optional<RebalanceView> rebalanceStatus() throws SQLException {
        try (Connection connection = dataSource.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT job_id, state::text, started_at, finished_at,"
                     + " details::text FROM citus_rebalance_status()")) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new RebalanceView(true, rows.getLong(1), rows.getString(2), instant(rows.getTimestamp(3)),
                    instant(rows.getTimestamp(4)), details(rows.getString(5))));
        }
    }

    /** Cancels the running rebalance: moves done stay done, the running one is rolled back. */
    void stopRebalance() throws SQLException {
        try (Connection connection = dataSource.connection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT citus_rebalance_stop()");
        }
    }

    private JsonNode details(String text) {
        try {
            return text == null ? null : json.readValue(text, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
