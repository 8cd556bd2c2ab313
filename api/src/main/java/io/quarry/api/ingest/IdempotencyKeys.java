package io.quarry.api.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Applied batches by {@code Idempotency-Key}, in table {@code ingest_batches} (migration V12):
 * per token subject, endpoint and key. The key is claimed first in the batch's own transaction,
 * so it commits or rolls back with the rows: a retry after a failed batch applies it, a retry
 * after a committed one is answered from here, and a concurrent retry waits on the key's row
 * until the first attempt ends, then sees which it was. A retry whose body differs from the
 * applied batch's is refused: the key names one batch.
 */
final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    /**
     * The batch applied under a key: its row count and the SHA-256 of its body (null for a batch
     * applied before V16 recorded it).
     */
    record Applied(long rows, byte[] body) {
    }

    /**
     * Claims the key within the connection's transaction: empty if this batch is the first with
     * it, else the batch that was applied with it.
     */
    static Optional<Applied> claim(Connection connection, String subject, String endpoint, String key)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO ingest_batches (subject, endpoint, idempotency_key) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""")) {
            insert.setString(1, subject);
            insert.setString(2, endpoint);
            insert.setString(3, key);
            if (insert.executeUpdate() == 1) {
                return Optional.empty();
            }
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT rows, body_sha256 FROM ingest_batches
                WHERE subject = ? AND endpoint = ? AND idempotency_key = ?""")) {
            select.setString(1, subject);
            select.setString(2, endpoint);
            select.setString(3, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("idempotency key vanished while claimed", "40001");
                }
                return Optional.of(new Applied(rs.getLong(1), rs.getBytes(2)));
            }
        }
    }

    /** Records the applied batch's row count and body hash on its claimed key, before the commit. */
    static void applied(Connection connection, String subject, String endpoint, String key, long rows, byte[] body)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE ingest_batches SET rows = ?, body_sha256 = ?, applied_at = now()
                WHERE subject = ? AND endpoint = ? AND idempotency_key = ?""")) {
            update.setLong(1, rows);
            update.setBytes(2, body);
            update.setString(3, subject);
            update.setString(4, endpoint);
            update.setString(5, key);
            update.executeUpdate();
        }
    }
}
