package io.quarry.migrations.demo;

import io.quarry.migrations.demo.DemoEntities.Account;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads generated demo data through PostgreSQL COPY, in one transaction together with its row
 * in {@code demo_data_loads}: a load either happens completely or not at all. It refuses to
 * load into tenant tables that already hold data, so it never mixes with or replaces real data.
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

    /**
     * Generates and loads the data of {@code spec}.
     *
     * @throws IllegalStateException when a tenant table already holds rows
     */
    public LoadResult load(DemoDataSpec spec) throws SQLException {
        long started = System.nanoTime();
        List<Account> accounts = DemoHierarchy.plan(spec);
        Map<String, Long> rows = new LinkedHashMap<>();
        long copyNanos;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                if (!tenantTablesEmpty(connection)) {
                    throw new IllegalStateException(
                            "demo data loads only into empty tenant tables, and they hold data");
                }
                createPartitions(connection, spec);
                PGConnection pg = connection.unwrap(PGConnection.class);
                long copyStarted = System.nanoTime();
                rows.put("accounts", copy(pg, EntityRows.ACCOUNTS_COPY, out -> EntityRows.accounts(accounts, out)));
                rows.put("campaigns", copy(pg, EntityRows.CAMPAIGNS_COPY, out -> EntityRows.campaigns(accounts, out)));
                rows.put("ad_sets", copy(pg, EntityRows.AD_SETS_COPY, out -> EntityRows.adSets(accounts, out)));
                rows.put("ads", copy(pg, EntityRows.ADS_COPY, out -> EntityRows.ads(accounts, out)));
                rows.put("ad_stats_daily", copy(pg, FactRows.COPY, out -> {
                    for (Account account : accounts) {
                        FactRows.write(spec, account, out);
                    }
                }));
                rows.put("events", copy(pg, EventRows.COPY, out -> {
                    for (Account account : accounts) {
                        EventRows.write(spec, account, out);
                    }
                }));
                copyNanos = System.nanoTime() - copyStarted;
                record(connection, spec, rows);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            analyze(connection);
        }
        LoadResult result = new LoadResult(spec, rows, Duration.ofNanos(System.nanoTime() - started),
                Duration.ofNanos(copyNanos));
        LOG.info("Loaded demo data ({}): {} rows in {} ms, {} rows/s through COPY", spec.describe(),
                result.totalRows(), result.total().toMillis(), Math.round(result.rowsPerSecond()));
        return result;
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

    private static void createPartitions(Connection connection, DemoDataSpec spec) throws SQLException {
        for (String table : List.of("ad_stats_daily", "events")) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT quarry_create_time_partitions(?::regclass, ?, ?)")) {
                statement.setString(1, table);
                statement.setObject(2, spec.startDate());
                statement.setObject(3, spec.endDate().plusDays(1));
                statement.execute();
            }
        }
    }

    private interface RowSource {
        void writeTo(CopyRowWriter out) throws IOException;
    }

    private static long copy(PGConnection connection, String sql, RowSource source) throws SQLException {
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

    private static void record(Connection connection, DemoDataSpec spec, Map<String, Long> rows)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO demo_data_loads (spec, fact_rows, event_rows) VALUES (?, ?, ?)")) {
            statement.setString(1, spec.describe());
            statement.setLong(2, rows.get("ad_stats_daily"));
            statement.setLong(3, rows.get("events"));
            statement.executeUpdate();
        }
    }

    private static void analyze(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE " + String.join(", ", TABLES));
        }
    }
}
