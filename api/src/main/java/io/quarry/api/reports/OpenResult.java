package io.quarry.api.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A running report query whose rows have not been read yet: its connection (in a read-only
 * transaction), statement and cursor. Closing it cancels the query if it is still running and
 * returns the connection.
 */
final class OpenResult implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final boolean autoCommit;

    OpenResult(Connection connection, PreparedStatement statement, ResultSet rows, boolean autoCommit) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.autoCommit = autoCommit;
    }

    ResultSet rows() {
        return rows;
    }

    /** Stops the query on the server (the client went away, or the stream failed). */
    void cancel() {
        try {
            statement.cancel();
        } catch (SQLException e) {
            // the query may have finished already
        }
    }

    @Override
    public void close() {
        try (connection; statement; rows) {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // the connection is returned to the pool either way; Hikari discards broken ones
        }
    }
}
