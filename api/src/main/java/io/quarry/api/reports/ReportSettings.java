package io.quarry.api.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The settings every report statement runs under, sent in the statement's own round trip: the
 * statement timeout and, on Citus, no repartition joins, as {@code SET LOCAL} commands ahead of
 * the statement. The driver sends the commands and the statement as one pipelined batch (parse,
 * bind and execute of each, one sync) and the commands apply to the rest of the transaction, so
 * the statement runs under them without a round trip of their own.
 */
final class ReportSettings {

    private final String commands;
    private final int count;

    private ReportSettings(String commands, int count) {
        this.commands = commands;
        this.count = count;
    }

    static ReportSettings of(Duration statementTimeout, boolean citus) {
        // No space after the last semicolon: the statement's own text, as pg_stat_activity shows it,
        // starts right there.
        String timeout = "SET LOCAL statement_timeout = " + statementTimeout.toMillis() + ";";
        return citus ? new ReportSettings(timeout + " SET LOCAL citus.enable_repartition_joins TO off;", 2)
                : new ReportSettings(timeout, 1);
    }

    /** {@code sql} (one statement, with its {@code ?} placeholders) prepared behind the settings. */
    PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        return connection.prepareStatement(commands + sql);
    }

    /** Runs a statement from {@link #prepare} and returns the rows of the statement behind the settings. */
    ResultSet query(PreparedStatement statement) throws SQLException {
        boolean rows = statement.execute();
        for (int skipped = 0; !rows; skipped++) {
            if (skipped == count) {
                throw new SQLException("the report statement returned no rows");
            }
            rows = statement.getMoreResults();
        }
        return statement.getResultSet();
    }
}
