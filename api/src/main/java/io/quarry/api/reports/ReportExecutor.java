package io.quarry.api.reports;

import io.quarry.api.db.DirectDataSource;
import io.quarry.api.metrics.QuarryMetrics;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.sql.JdbcBinder;
import io.quarry.planner.sql.RenderedSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs planned SQL, always the same way ({@link #begin}, {@link ReportSettings}): in a read-only
 * transaction, with a statement timeout, and on Citus with repartition joins off, so a plan that
 * would move data between workers fails loudly instead of running slowly. The settings travel
 * with the statement, in its round trip. The SQL is logged without its values.
 */
@Singleton
public final class ReportExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(ReportExecutor.class);
    static final int FETCH_SIZE = 1_000;

    private final DataSource dataSource;
    private final ExecutionConfiguration configuration;
    private final QuarryMetrics metrics;
    private volatile ReportSettings settings;

    ReportExecutor(DirectDataSource direct, ExecutionConfiguration configuration, QuarryMetrics metrics) {
        this.dataSource = direct.dataSource();
        this.configuration = configuration;
        this.metrics = metrics;
    }

    /**
     * The rows of a small planned statement that is not a report (a dimension's values), with the
     * report settings (read-only, statement timeout, no repartition joins on Citus).
     */
    public List<List<Object>> run(RenderedSql sql) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = begin()) {
            try (PreparedStatement statement = prepare(connection, sql.sql(), sql)) {
                return rows(statement);
            } finally {
                end(connection);
            }
        } finally {
            metrics.databaseTime("values", System.nanoTime() - started);
        }
    }

    /**
     * The query's rows as value lists in column order, at most {@code maxRows + 1} so the caller
     * can tell truncation; the statement is cancelled when {@code cancellation} fires.
     */
    List<List<Object>> run(PlannedQuery query, int maxRows, Cancellation cancellation) throws SQLException {
        LOG.debug("Report SQL ({} binds): {}", query.sql().binds().size(), query.sql().sql());
        long started = System.nanoTime();
        try {
            try {
                return attempt(query, maxRows, cancellation);
            } catch (SQLException e) {
                if (cancellation.cancelled() || !ShardMoves.raced(e)) {
                    throw e;
                }
                LOG.info("A shard moved under a report's query ({}); running it again", e.getMessage());
                return attempt(query, maxRows, cancellation);
            }
        } catch (SQLException e) {
            if (cancellation.cancelled()) {
                throw new ClientGoneException(e);
            }
            throw e;
        } finally {
            cancellation.done();
            metrics.databaseTime("query", System.nanoTime() - started);
        }
    }

    private List<List<Object>> attempt(PlannedQuery query, int maxRows, Cancellation cancellation)
            throws SQLException {
        try (Connection connection = begin()) {
            try (PreparedStatement statement = prepare(connection, query.sql().sql(), query.sql())) {
                statement.setMaxRows(maxRows + 1);
                cancellation.onCancel(() -> cancelQuietly(statement));
                return rows(statement);
            } finally {
                end(connection);
            }
        }
    }

    private List<List<Object>> rows(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = settings.query(statement)) {
            int columns = rs.getMetaData().getColumnCount();
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(JsonValues.of(rs.getObject(i)));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /**
     * Starts a query and returns its open cursor, for streaming: rows are fetched from the server
     * {@value #FETCH_SIZE} at a time as they are read. Errors that the start of the query raises
     * are thrown here, before any byte of the response is sent.
     */
    OpenResult open(PlannedQuery query) throws SQLException {
        LOG.debug("Report SQL ({} binds), streamed: {}", query.sql().binds().size(), query.sql().sql());
        Connection connection = begin();
        try {
            PreparedStatement statement = prepare(connection, query.sql().sql(), query.sql());
            try {
                // A stream copies its values' text form (StreamColumns); a statement the driver
                // prepares on the server (from its fifth run) would get its rows in binary.
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
                return new OpenResult(connection, statement, settings.query(statement), this::end);
            } catch (SQLException | RuntimeException e) {
                statement.close();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            end(connection);
            connection.close();
            throw e;
        }
    }

    /** The database's EXPLAIN of the planned statement, with its binds (the plan is not run). */
    List<String> explain(PlannedQuery query) throws SQLException {
        try (Connection connection = begin()) {
            try (PreparedStatement statement = prepare(connection, "EXPLAIN " + query.sql().sql(), query.sql());
                 ResultSet rs = settings.query(statement)) {
                List<String> lines = new ArrayList<>();
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
                return lines;
            } finally {
                end(connection);
            }
        }
    }

    /**
     * A pooled connection in a read-only transaction (begun by the driver with the first statement,
     * in its round trip) for statements {@link #prepare}d with the report settings; {@link #end} it.
     */
    private Connection begin() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            if (settings == null) {
                settings = ReportSettings.of(configuration.statementTimeout(), citus(connection));
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Ends the transaction and restores the pool's defaults. */
    void end(Connection connection) throws SQLException {
        connection.rollback();
        connection.setReadOnly(false);
        connection.setAutoCommit(true);
    }

    /** {@code sql} (the planned statement, or its EXPLAIN) behind the report settings, with its values bound. */
    private PreparedStatement prepare(Connection connection, String sql, RenderedSql planned) throws SQLException {
        PreparedStatement statement = settings.prepare(connection, sql);
        statement.setFetchSize(FETCH_SIZE);
        JdbcBinder.bind(statement, planned.binds());
        return statement;
    }

    /** The query was cancelled because its client disconnected. */
    static final class ClientGoneException extends SQLException {
        ClientGoneException(SQLException cause) {
            super("the client went away; its query was cancelled", cause.getSQLState(), cause);
        }
    }

    private static void cancelQuietly(PreparedStatement statement) {
        try {
            statement.cancel();
            LOG.info("Report query cancelled: the client went away");
        } catch (SQLException e) {
            LOG.debug("Cancelling a report query failed", e);
        }
    }

    /** Whether the database runs Citus (asked once, when the first report settings are made). */
    private static boolean citus(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
