package io.quarry.api.partitions;

import io.quarry.api.db.DirectDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/**
 * Calls the database's partition functions (migrations V4 and V11: Citus's
 * create_time_partitions / drop_old_time_partitions there, Quarry's own on PostgreSQL). One
 * instance maintains at a time: the work runs under a session advisory lock that another
 * instance's attempt does not wait for.
 */
@Singleton
final class PartitionRepository {

    /** The advisory lock key of partition maintenance ('QPAR'). */
    private static final long LOCK = 0x51504152L;

    private final DirectDataSource dataSource;

    PartitionRepository(DirectDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} holding the maintenance lock, or returns empty when another instance holds it. */
    <T> Optional<T> locked(Function<Session, T> work) throws SQLException {
        try (Connection connection = dataSource.connection()) {
            connection.setAutoCommit(true);
            if (!bool(connection, "SELECT pg_try_advisory_lock(?)", LOCK)) {
                return Optional.empty();
            }
            try {
                return Optional.of(work.apply(new Session(connection)));
            } finally {
                bool(connection, "SELECT pg_advisory_unlock(?)", LOCK);
            }
        }
    }

    private static boolean bool(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /** The maintenance calls on one connection. */
    static final class Session {
        private final Connection connection;

        private Session(Connection connection) {
            this.connection = connection;
        }

        /** Makes monthly partitions cover [from, to); the number created. */
        int create(String table, LocalDate from, LocalDate to) {
            return call("SELECT quarry_create_time_partitions(?::regclass, ?, ?)", table, from, to);
        }

        /** Drops the partitions that end on or before {@code olderThan}; the number dropped. */
        int drop(String table, LocalDate olderThan) {
            return call("SELECT quarry_drop_time_partitions(?::regclass, ?)", table, olderThan, null);
        }

        private int call(String sql, String table, LocalDate first, LocalDate second) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, table);
                statement.setDate(2, Date.valueOf(first));
                if (second != null) {
                    statement.setDate(3, Date.valueOf(second));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            } catch (SQLException e) {
                throw new PartitionMaintenanceException(table, e);
            }
        }
    }

    /** A partition function failed for a table. */
    static final class PartitionMaintenanceException extends RuntimeException {
        PartitionMaintenanceException(String table, SQLException cause) {
            super("partition maintenance of " + table + " failed: " + cause.getMessage(), cause);
        }
    }
}
