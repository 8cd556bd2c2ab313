package io.quarry.api.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * Applied batches by {@code Idempotency-Key}, in table {@code ingest_batches} (migration V12):
 * per token subject, endpoint and key. The key is claimed first in the batch's own transaction,
 * so it commits or rolls back with the rows: a retry after a failed batch applies it, a retry
 * after a committed one is answered from here, and a concurrent retry waits on the key's row
 * until the first attempt ends, then sees which it was.
 */
final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    /**
     * Claims the key within the connection's transaction: empty if this batch is the first with
     * it, else the row count of the batch that was applied with it.
     */
    static OptionalLong claim(Connection connection, String subject, String endpoint, String key)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO ingest_batches (subject, endpoint, idempotency_key) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""")) {
            insert.setString(1, subject);
            insert.setString(2, endpoint);
            insert.setString(3, key);
            if (insert.executeUpdate() == 1) {
                return OptionalLong.empty();
            }
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT rows FROM ingest_batches WHERE subject = ? AND endpoint = ? AND idempotency_key = ?""")) {
            select.setString(1, subject);
            select.setString(2, endpoint);
            select.setString(3, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("idempotency key vanished while claimed", "40001");
                }
                return OptionalLong.of(rs.getLong(1));
            }
        }
    }

    /** Records the applied batch's row count on its claimed key, before the commit. */
    static void applied(Connection connection, String subject, String endpoint, String key, long rows)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE ingest_batches SET rows = ?, applied_at = now()
                WHERE subject = ? AND endpoint = ? AND idempotency_key = ?""")) {
            update.setLong(1, rows);
            update.setString(2, subject);
            update.setString(3, endpoint);
            update.setString(4, key);
            update.executeUpdate();
        }
    }
}
