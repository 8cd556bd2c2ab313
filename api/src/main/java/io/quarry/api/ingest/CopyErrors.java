package io.quarry.api.ingest;

import io.micronaut.http.HttpStatus;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * What the database's refusal of a COPY means for the client. Validation catches bad values
 * before COPY; what remains are rows that conflict with stored data (an event whose key exists:
 * 422 DUPLICATE_ROW, with the key, and the line when the database names the COPY line) and
 * partitions dropped meanwhile. On Citus such an error comes from a worker as {@code XX000}
 * without a line, so it is recognised by its message and answered without a line. Anything else is not the client's fault and goes to the
 * database error handlers (503 / 500).
 */
final class CopyErrors {

    private static final Pattern COPY_LINE = Pattern.compile("COPY \\S+, line (\\d+)");

    private CopyErrors() {
    }

    /** The SQL error a COPY write failed with (PgJDBC wraps it in an IOException while streaming). */
    static Optional<SQLException> sqlCause(IOException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /**
     * The 422 for a client-caused COPY failure, or empty. {@code lines} maps the COPY's row number
     * (1-based) to the line of the body.
     */
    static Optional<IngestException> refusal(SQLException e, LineIndex lines) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        String message = server != null && server.getMessage() != null ? server.getMessage() : "the row was refused";
        String detail = server != null && server.getDetail() != null ? server.getDetail().replaceAll("\\.$", "") : null;
        Long line = null;
        if (server != null && server.getWhere() != null) {
            Matcher copyLine = COPY_LINE.matcher(server.getWhere());
            if (copyLine.find()) {
                line = lines.line(Long.parseLong(copyLine.group(1)));
            }
        }
        if (state.equals("XX000") && server != null && "ReportCopyError".equals(server.getRoutine())) {
            // Citus relays a worker's COPY error as an internal error (no SQLSTATE, no line): read its message.
            state = message.startsWith("duplicate key value") ? "23505"
                    : message.startsWith("no partition of relation") ? "23514"
                    : message.contains("violates") ? "23000" : state;
        }
        String code;
        if (state.equals("23505")) {
            code = "DUPLICATE_ROW";
            message = "an event with this key (account_id, event_id, created_at) is stored already"
                    + (detail != null ? ": " + detail : "");
        } else if (state.equals("23514") && message.startsWith("no partition")) {
            code = "OUTSIDE_PARTITIONS";
            message = "a row is outside the table's partitions (they changed during the batch)";
        } else if (state.startsWith("22") || state.startsWith("23")) {
            code = "INVALID_VALUE";
            message = message + (detail != null ? ": " + detail : "");
        } else {
            return Optional.empty();
        }
        String where = line != null && line > 0 ? "line " + line + ": " : "";
        RowError error = new RowError(code, message, line == null ? 0 : line, null);
        return Optional.of(new IngestException(HttpStatus.UNPROCESSABLE_ENTITY, code, "The batch was refused",
                where + message + "; nothing was stored", line != null && line > 0 ? List.of(error) : null,
                line != null && line > 0 ? line : null, null, code.equals("DUPLICATE_ROW") ? "duplicate" : "invalid_rows"));
    }

    /** Body line by COPY row, recorded as rows are sent. */
    static final class LineIndex {
        private long[] lines = new long[1024];
        private int count;

        void add(long line) {
            if (count == lines.length) {
                lines = java.util.Arrays.copyOf(lines, lines.length * 2);
            }
            lines[count++] = line;
        }

        /** The body line of COPY row {@code row} (1-based), or null when unknown. */
        Long line(long row) {
            return row >= 1 && row <= count ? lines[(int) row - 1] : null;
        }
    }
}
