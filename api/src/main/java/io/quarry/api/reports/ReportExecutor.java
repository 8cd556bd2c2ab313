package io.quarry.api.reports;

import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.sql.JdbcBinder;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import io.quarry.api.db.DirectDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs planned SQL: in a read-only transaction, with a statement timeout, and on Citus with
 * repartition joins off, so a plan that would move data between workers fails loudly instead of
 * running slowly. The SQL is logged without its values.
 */
@Singleton
public final class ReportExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(ReportExecutor.class);
    static final int FETCH_SIZE = 1_000;

    private final DataSource dataSource;
    private final ExecutionConfiguration configuration;
    private volatile Boolean citus;
    private final java.util.concurrent.atomic.AtomicLong executions = new java.util.concurrent.atomic.AtomicLong();

    /** How many report queries this server has sent to the database. */
    public long executions() {
        return executions.get();
    }

    private final io.quarry.api.metrics.QuarryMetrics metrics;

    private final List<StatementCheck> checks;

    ReportExecutor(DirectDataSource direct, ExecutionConfiguration configuration, io.quarry.api.metrics.QuarryMetrics metrics,
                   List<StatementCheck> checks) {
        this.dataSource = direct.dataSource();
        this.configuration = configuration;
        this.metrics = metrics;
        this.checks = List.copyOf(checks);
    }

    private void check(PlannedQuery query) {
        for (StatementCheck check : checks) {
            check.check(query);
        }
    }

    /** Rows as value lists in column order; at most {@code maxRows + 1}, so the caller can tell truncation. */
    public List<List<Object>> run(PlannedQuery query, int maxRows) throws SQLException {
        return run(query, maxRows, Cancellation.none());
    }

    /** As {@link #run(PlannedQuery, int)}, cancelling the statement when {@code cancellation} fires. */
    public List<List<Object>> run(PlannedQuery query, int maxRows, Cancellation cancellation) throws SQLException {
        check(query);
        executions.incrementAndGet();
        long started = System.nanoTime();
        try {
            return runTimed(query, maxRows, cancellation);
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

    private List<List<Object>> runTimed(PlannedQuery query, int maxRows, Cancellation cancellation)
            throws SQLException {
        LOG.debug("Report SQL ({} binds): {}", query.sql().binds().size(), query.sql().sql());
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                configure(connection);
                try (PreparedStatement statement = connection.prepareStatement(query.sql().sql())) {
                    statement.setFetchSize(FETCH_SIZE);
                    statement.setMaxRows(maxRows + 1);
                    JdbcBinder.bind(statement, query.sql().binds());
                    cancellation.onCancel(() -> cancelQuietly(statement));
                    List<List<Object>> rows = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            List<Object> row = new ArrayList<>(columns);
                            for (int i = 1; i <= columns; i++) {
                                row.add(JsonValues.of(rs.getObject(i)));
                            }
                            rows.add(row);
                        }
                    }
                    return rows;
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * Starts a query and returns its open cursor, for streaming: rows are fetched from the
     * server {@value #FETCH_SIZE} at a time as they are read. Errors that the start of the query
     * raises are thrown here, before any byte of the response is sent.
     */
    OpenResult open(PlannedQuery query) throws SQLException {
        check(query);
        LOG.debug("Report SQL ({} binds), streamed: {}", query.sql().binds().size(), query.sql().sql());
        Connection connection = dataSource.getConnection();
        boolean autoCommit = connection.getAutoCommit();
        PreparedStatement statement = null;
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            configure(connection);
            statement = connection.prepareStatement(query.sql().sql());
            statement.setFetchSize(FETCH_SIZE);
            JdbcBinder.bind(statement, query.sql().binds());
            return new OpenResult(connection, statement, statement.executeQuery(), autoCommit);
        } catch (SQLException | RuntimeException e) {
            if (statement != null) {
                statement.close();
            }
            connection.rollback();
            connection.setAutoCommit(autoCommit);
            connection.close();
            throw e;
        }
    }

    /** The database's EXPLAIN of the planned statement, with its binds (the plan is not run). */
    public List<String> explain(PlannedQuery query) throws SQLException {
        check(query);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                configure(connection);
                try (PreparedStatement statement = connection.prepareStatement("EXPLAIN " + query.sql().sql())) {
                    JdbcBinder.bind(statement, query.sql().binds());
                    List<String> lines = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            lines.add(rs.getString(1));
                        }
                    }
                    return lines;
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
            }
        }
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

    private void configure(Connection connection) throws SQLException {
        try (PreparedStatement timeout = connection.prepareStatement("SELECT set_config('statement_timeout', ?, true)")) {
            timeout.setString(1, configuration.statementTimeout().toMillis() + "ms");
            timeout.execute();
        }
        if (citus(connection)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL citus.enable_repartition_joins TO off");
            }
        }
    }

    private boolean citus(Connection connection) throws SQLException {
        Boolean known = citus;
        if (known == null) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')")) {
                rs.next();
                known = rs.getBoolean(1);
                citus = known;
            }
        }
        return known;
    }
}
