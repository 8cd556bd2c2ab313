package io.quarry.api.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A running report query whose rows have not been read yet: its connection (in the executor's
 * read-only transaction), statement and cursor. Closing it ends the transaction (and with it
 * the query) and returns the connection.
 */
final class OpenResult implements AutoCloseable {

    /** Ends the transaction the query runs in. */
    interface Ending {
        void end(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final Ending ending;

    OpenResult(Connection connection, PreparedStatement statement, ResultSet rows, Ending ending) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.ending = ending;
    }

    ResultSet rows() {
        return rows;
    }

    @Override
    public void close() {
        try (connection; statement; rows) {
            ending.end(connection);
        } catch (SQLException e) {
            // the connection is returned to the pool either way; Hikari discards broken ones
        }
    }
}
