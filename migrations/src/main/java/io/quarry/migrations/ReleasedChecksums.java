package io.quarry.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migration scripts that were rewritten after a release applied them, without changing what
 * they leave in the database, and the checksum that release recorded for each.
 *
 * <p>Flyway refuses to migrate a database whose applied scripts no longer match their
 * checksums, rightly: an edited migration usually means a schema that differs from the one
 * the code expects. Here the edit is deliberate and listed: where the schema history holds
 * exactly the released checksum of a rewritten script, it is replaced by today's before Flyway
 * validates. Any other mismatch still fails validation. This is not {@code flyway repair},
 * which would accept every edit.
 */
final class ReleasedChecksums {

    /** A rewritten script: its version, the checksum its release recorded, and why it changed. */
    record Rewrite(String version, int releasedChecksum, String reason) {
    }

    static final List<Rewrite> REWRITES = List.of(
            new Rewrite("6", -403483974,
                    "one ADD CONSTRAINT per ALTER TABLE, which Citus requires; the same foreign keys"));

    private static final Logger LOG = LoggerFactory.getLogger(ReleasedChecksums.class);

    private ReleasedChecksums() {
    }

    /** Replaces released checksums of rewritten scripts in the schema history; returns how many. */
    static int realign(Flyway flyway, DataSource dataSource) {
        int realigned = 0;
        for (MigrationInfo info : flyway.info().applied()) {
            for (Rewrite rewrite : REWRITES) {
                if (info.getVersion() != null && info.getVersion().getVersion().equals(rewrite.version())
                        && Integer.valueOf(rewrite.releasedChecksum()).equals(info.getAppliedChecksum())
                        && info.getResolvedChecksum() != null) {
                    realigned += update(flyway, dataSource, rewrite, info.getResolvedChecksum());
                }
            }
        }
        return realigned;
    }

    private static int update(Flyway flyway, DataSource dataSource, Rewrite rewrite, int checksum) {
        // The history table is in the connection's current schema (no schemas are configured);
        // its name is Flyway's setting, an identifier we quote.
        String table = '"' + flyway.getConfiguration().getTable().replace("\"", "\"\"") + '"';
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + table
                     + " SET checksum = ? WHERE version = ? AND checksum = ?")) {
            update.setInt(1, checksum);
            update.setString(2, rewrite.version());
            update.setInt(3, rewrite.releasedChecksum());
            int rows = update.executeUpdate();
            LOG.info("Migration V{} was rewritten after its release ({}): its recorded checksum {} is now {}",
                    rewrite.version(), rewrite.reason(), rewrite.releasedChecksum(), checksum);
            return rows;
        } catch (SQLException e) {
            throw new FlywayException("could not record the rewritten checksum of migration V"
                    + rewrite.version(), e);
        }
    }
}
