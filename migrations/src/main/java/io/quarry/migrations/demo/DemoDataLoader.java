package io.quarry.migrations.demo;

import io.quarry.migrations.demo.DemoEntities.Account;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads generated demo data through PostgreSQL COPY, on several connections whose transactions
 * commit together with the load's row in {@code demo_data_loads}: a failed load leaves nothing
 * behind. It refuses to load into tenant tables that already hold data, so it never mixes with
 * or replaces real data.
 */
public final class DemoDataLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final List<String> TABLES =
            List.of("accounts", "campaigns", "ad_sets", "ads", "ad_stats_daily", "events");

    private final DataSource dataSource;

    public DemoDataLoader(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Whether a demo data load has completed in this database. */
    public boolean hasLoaded() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM demo_data_loads)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Whether every tenant table is empty, so demo data would not mix with other data. */
    public boolean tenantTablesEmpty() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return tenantTablesEmpty(connection);
        }
    }

    /** Loads {@code spec} through one fact-loading connection. */
    public LoadResult load(DemoDataSpec spec) throws SQLException {
        return load(spec, 1);
    }

    /**
     * Generates and loads the data of {@code spec}. Accounts, campaigns, ad sets and ads go
     * through one connection; facts and events through {@code parallelism} more, each loading
     * a share of the accounts. Every connection holds its transaction open until all have
     * written their rows; then the fact connections commit, and the first one last, with the
     * row in {@code demo_data_loads}. A failure anywhere rolls every transaction back.
     *
     * @throws IllegalStateException when a tenant table already holds rows
     */
    public LoadResult load(DemoDataSpec spec, int parallelism) throws SQLException {
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("parallelism must be between 1 and 64, was " + parallelism);
        }
        long started = System.nanoTime();
        List<Account> accounts = DemoHierarchy.plan(spec);
        if (!tenantTablesEmpty()) {
            throw new IllegalStateException("demo data loads only into empty tenant tables, and they hold data");
        }
        createPartitions(spec);
        List<Connection> connections = new ArrayList<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        long copyNanos;
        try {
            for (int i = 0; i <= parallelism; i++) {
                Connection connection = dataSource.getConnection();
                connections.add(connection);
                connection.setAutoCommit(false);
            }
            long copyStarted = System.nanoTime();
            PGConnection main = connections.get(0).unwrap(PGConnection.class);
            rows.put("accounts", copy(main, EntityRows.ACCOUNTS_COPY, out -> EntityRows.accounts(accounts, out)));
            rows.put("campaigns", copy(main, EntityRows.CAMPAIGNS_COPY, out -> EntityRows.campaigns(accounts, out)));
            rows.put("ad_sets", copy(main, EntityRows.AD_SETS_COPY, out -> EntityRows.adSets(accounts, out)));
            rows.put("ads", copy(main, EntityRows.ADS_COPY, out -> EntityRows.ads(accounts, out)));
            long[] facts = loadFactsInParallel(spec, shares(accounts, parallelism),
                    connections.subList(1, connections.size()));
            rows.put("ad_stats_daily", facts[0]);
            rows.put("events", facts[1]);
            copyNanos = System.nanoTime() - copyStarted;
            record(connections.get(0), spec, rows);
            for (int i = connections.size() - 1; i >= 0; i--) {
                connections.get(i).commit();
            }
        } catch (SQLException | RuntimeException e) {
            for (Connection connection : connections) {
                rollbackQuietly(connection, e);
            }
            throw e;
        } finally {
            for (Connection connection : connections) {
                closeQuietly(connection);
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            analyze(connection);
        }
        LoadResult result = new LoadResult(spec, rows, Duration.ofNanos(System.nanoTime() - started),
                Duration.ofNanos(copyNanos));
        LOG.info("Loaded demo data ({}): {} rows in {} ms, {} rows/s through COPY on {} connections",
                spec.describe(), result.totalRows(), result.total().toMillis(),
                Math.round(result.rowsPerSecond()), parallelism + 1);
        return result;
    }

    /** Splits accounts into shares of similar size: each goes to the share with the least weight. */
    private static List<List<Account>> shares(List<Account> accounts, int count) {
        List<List<Account>> shares = new ArrayList<>();
        double[] weights = new double[count];
        for (int i = 0; i < count; i++) {
            shares.add(new ArrayList<>());
        }
        for (Account account : accounts) {
            int lightest = 0;
            for (int i = 1; i < count; i++) {
                if (weights[i] < weights[lightest]) {
                    lightest = i;
                }
            }
            shares.get(lightest).add(account);
            weights[lightest] += account.weight();
        }
        return shares;
    }

    private static long[] loadFactsInParallel(DemoDataSpec spec, List<List<Account>> shares,
                                              List<Connection> connections) throws SQLException {
        ExecutorService executor = Executors.newFixedThreadPool(shares.size(), runnable -> {
            Thread thread = new Thread(runnable, "demo-data-copy");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int i = 0; i < shares.size(); i++) {
                List<Account> share = shares.get(i);
                PGConnection connection = connections.get(i).unwrap(PGConnection.class);
                futures.add(executor.submit(() -> new long[] {
                    copy(connection, FactRows.COPY, out -> {
                        for (Account account : share) {
                            FactRows.write(spec, account, out);
                        }
                    }),
                    copy(connection, EventRows.COPY, out -> {
                        for (Account account : share) {
                            EventRows.write(spec, account, out);
                        }
                    })
                }));
            }
            long[] total = new long[2];
            for (Future<long[]> future : futures) {
                long[] rows = future.get();
                total[0] += rows[0];
                total[1] += rows[1];
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("demo data load interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("demo data load failed: " + e.getCause(), e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing a demo data connection failed", e);
        }
    }

    private static boolean tenantTablesEmpty(Connection connection) throws SQLException {
        for (String table : TABLES) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Partitions for the spec's range, committed first so that every loading connection sees them. */
    private void createPartitions(DemoDataSpec spec) throws SQLException {
        for (String table : List.of("ad_stats_daily", "events")) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(
                    "SELECT quarry_create_time_partitions(?::regclass, ?, ?)")) {
                statement.setString(1, table);
                statement.setObject(2, spec.startDate());
                statement.setObject(3, spec.endDate().plusDays(1));
                statement.execute();
            }
        }
    }

    interface RowSource {
        void writeTo(CopyRowWriter out) throws IOException;
    }

    static long copy(PGConnection connection, String sql, RowSource source) throws SQLException {
        PGCopyOutputStream stream = new PGCopyOutputStream(connection, sql, 1 << 16);
        CopyRowWriter out = new CopyRowWriter(stream);
        try {
            source.writeTo(out);
            out.flush();
            long written = stream.endCopy();
            if (written != out.rows()) {
                throw new SQLException("COPY wrote " + written + " rows, expected " + out.rows() + ": " + sql);
            }
            return written;
        } catch (IOException e) {
            if (stream.isActive()) {
                stream.cancelCopy();
            }
            throw e.getCause() instanceof SQLException sql2 ? sql2 : new SQLException("COPY failed: " + sql, e);
        }
    }

    /** Days of demo exchange rates before the data's first day and after its last. */
    static final int RATE_MARGIN_DAYS = 400;

    private static void record(Connection connection, DemoDataSpec spec, Map<String, Long> rows)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO demo_data_loads (spec, fact_rows, event_rows) VALUES (?, ?, ?)")) {
            statement.setString(1, spec.describe());
            statement.setLong(2, rows.get("ad_stats_daily"));
            statement.setLong(3, rows.get("events"));
            statement.executeUpdate();
        }
        // Rates for the data's days and a year and more on either side (comparisons with the same
        // period last year, relative ranges after the data ends), deterministic like the data.
        // The facts arrived outside the ingest API: every rollup is rebuilt by its next refresh.
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE quarry_rollup_state SET dirty_from = '-infinity'");
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT quarry_demo_exchange_rates(?, ?)")) {
            statement.setObject(1, spec.startDate().minusDays(RATE_MARGIN_DAYS));
            statement.setObject(2, spec.endDate().plusDays(RATE_MARGIN_DAYS));
            statement.execute();
        }
    }

    private static void analyze(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE " + String.join(", ", TABLES));
        }
    }
}
