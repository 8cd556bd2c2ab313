package io.quarry.api.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.quarry.api.db.DirectDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who did what to the cluster, and how it ended: every entry goes to the application log (logger
 * {@code io.quarry.api.admin.AuditLog}) and to the {@code admin_audit} table (migration V15). A
 * failure to write the table is logged, never hidden: the log line has the entry either way.
 */
@Singleton
final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final DirectDataSource dataSource;

    AuditLog(DirectDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One audit entry. */
    @Serdeable
    record Entry(long id, Instant at, String subject, String action, @Nullable String target, String outcome,
                 @Nullable String detail) {
    }

    void record(String subject, String action, @Nullable String target, String outcome, @Nullable String detail) {
        LOG.info("admin audit: subject={} action=\"{}\" target={} outcome={} detail={}", subject, action, target,
                outcome, detail);
        try (Connection connection = dataSource.connection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO admin_audit"
                     + " (subject, action, target, outcome, detail) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, subject);
            insert.setString(2, action);
            insert.setString(3, target);
            insert.setString(4, outcome);
            insert.setString(5, detail);
            insert.executeUpdate();
        } catch (SQLException e) {
            LOG.error("admin audit: the entry above could not be stored in admin_audit", e);
        }
    }

    /** The latest {@code limit} entries, newest first. */
    List<Entry> latest(int limit) throws SQLException {
        try (Connection connection = dataSource.connection();
             PreparedStatement select = connection.prepareStatement("SELECT audit_id, at, subject, action, target,"
                     + " outcome, detail FROM admin_audit ORDER BY audit_id DESC LIMIT ?")) {
            select.setInt(1, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7)));
                }
            }
            return entries;
        }
    }
}
