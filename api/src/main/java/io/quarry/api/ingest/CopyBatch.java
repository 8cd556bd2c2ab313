package io.quarry.api.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * One batch's writes, inside the caller's transaction: COPY of the validated rows through the
 * coordinator (PgJDBC's CopyManager), streamed as they are validated. Events go straight into
 * {@code events} (the fastest path; a duplicate key fails the batch). Ad stats go into a
 * temporary staging table, then one {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE} upserts
 * them on {@code (account_id, day, ad_id)}; when a batch repeats a key, its last row wins.
 */
final class CopyBatch {

    private static final String STAGING = "quarry_ingest_ad_stats";

    private final Connection connection;
    private final IngestTable table;
    private PGCopyOutputStream copy;

    CopyBatch(Connection connection, IngestTable table) {
        this.connection = connection;
        this.table = table;
    }

    /** Starts the COPY (creating the staging table first for an upsert). */
    void open() throws SQLException {
        String target = table.table();
        if (table.upsert()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMPORARY TABLE " + STAGING + " (LIKE " + table.table()
                        + " INCLUDING DEFAULTS, ingest_seq bigint GENERATED ALWAYS AS IDENTITY) ON COMMIT DROP");
            }
            target = STAGING;
        }
        copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                "COPY " + target + " (" + table.columnList() + ") FROM STDIN", 1 << 16);
    }

    /** Sends validated COPY text lines. */
    void write(CharSequence lines) throws IOException {
        copy.write(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Ends the COPY and, for an upsert, applies the staged rows; returns the rows the batch stored. */
    long finish() throws SQLException, IOException {
        copy.endCopy();
        long rows = copy.getHandledRowCount();
        copy = null;
        if (table.upsert()) {
            String columns = table.columnList();
            String key = String.join(", ", IngestTable.AD_STATS_KEY);
            String updates = table.columns().stream().map(IngestTable.Column::name)
                    .filter(name -> !IngestTable.AD_STATS_KEY.contains(name))
                    .map(name -> name + " = EXCLUDED." + name).collect(Collectors.joining(", "));
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO " + table.table() + " (" + columns + ")"
                        + " SELECT DISTINCT ON (" + key + ") " + columns + " FROM " + STAGING
                        + " ORDER BY " + key + ", ingest_seq DESC"
                        + " ON CONFLICT (" + key + ") DO UPDATE SET " + updates);
            }
        }
        return rows;
    }

    /** Abandons a COPY in progress (the transaction is rolled back after). */
    void abort() {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // the rollback that follows ends the transaction in any case
            }
        }
        copy = null;
    }
}
