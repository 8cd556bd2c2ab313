package io.quarry.planner.db;

import io.quarry.migrations.Migrator;
import io.quarry.migrations.demo.DemoDataLoader;
import io.quarry.migrations.demo.DemoDataSpec;
import io.quarry.planner.model.ModelLoader;
import io.quarry.planner.model.Rollup;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.plan.ModelSafetyPolicy;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.plan.RollupStatements;
import io.quarry.planner.safety.CitusSafetyCheck;
import io.quarry.planner.sql.JdbcBinder;
import io.quarry.planner.sql.RenderedSql;
import io.quarry.planner.sql.RollupRefresh;
import io.quarry.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The planner's database fixture, loaded once per test JVM: the schema, 6 accounts of demo data
 * over 90 days ending {@link #LAST_DAY}, and sentinel rows of account 2 that no report scoped to
 * account 1 may ever show. Every query it runs is the planner's SQL with its binds.
 */
final class PlannerTestData {

    static final LocalDate LAST_DAY = LocalDate.of(2026, 6, 14);
    /** "Now" for the planner: the day after the data ends, at noon UTC. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);
    static final String SECRET_CAMPAIGN = "ZZ secret campaign of account 2";
    static final String SECRET_EVENT = "zz_secret_event";
    static final long SECRET_SPEND = 5_000_000_000L;

    static final CitusSafetyCheck SAFETY = new CitusSafetyCheck();

    /** A planner for tests that only plan: the same model and clock, no database. */
    static final Planner PLANNER_WITHOUT_DATABASE = new Planner(ModelLoader.defaultModel(), CLOCK);

    private static PlannerTestData instance;

    final DataSource dataSource;
    final SemanticModel model = ModelLoader.defaultModel();
    final Planner planner = new Planner(model, CLOCK);

    private PlannerTestData() throws SQLException {
        dataSource = TestDatabase.get().dataSource();
        new Migrator(dataSource).migrate();
        new DemoDataLoader(dataSource).load(new DemoDataSpec(3, 6, 6, 2, 3, 90, LAST_DAY, 25), 2);
        execute("INSERT INTO campaigns (account_id, campaign_id, name, status, objective, country, currency,"
                + " daily_budget, start_date) VALUES (2, 900001, '" + SECRET_CAMPAIGN + "', 'ACTIVE', 'CONVERSIONS',"
                + " 'US', 'USD', 1, DATE '2026-01-01')");
        execute("INSERT INTO ad_sets (account_id, ad_set_id, campaign_id, name, status, optimization_goal, country)"
                + " VALUES (2, 900001, 900001, 'secret', 'ACTIVE', 'REACH', 'US')");
        execute("INSERT INTO ads (account_id, ad_id, ad_set_id, campaign_id, name, status, format)"
                + " VALUES (2, 900001, 900001, 900001, 'secret', 'ACTIVE', 'IMAGE')");
        execute("INSERT INTO ad_stats_daily (account_id, ad_id, day, ad_set_id, campaign_id, impressions, clicks, spend,"
                + " conversions, conversion_value) SELECT 2, 900001, d::date, 900001, 900001, 1000000, 50000, "
                + SECRET_SPEND + ", 1000, " + SECRET_SPEND + " FROM generate_series(DATE '2026-03-20', DATE '"
                + LAST_DAY + "', interval '1 day') AS d");
        execute("INSERT INTO events (account_id, event_id, created_at, name, user_id, campaign_id, ad_id)"
                + " SELECT 2, 900000000 + n, TIMESTAMPTZ '2026-06-10 12:00:00+00', '" + SECRET_EVENT + "', 20000000 + n,"
                + " 900001, 900001 FROM generate_series(1, 50) AS n");
    }

    static synchronized PlannerTestData get() {
        if (instance == null) {
            try {
                instance = new PlannerTestData();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /**
     * Runs a planned query and returns its rows, each column by name, in result order. The SQL
     * first passes the independent Citus-safety check: every query the tests run goes through it.
     */
    List<Map<String, Object>> run(PlannedQuery query) throws SQLException {
        SAFETY.requireSafe(query.sql().sql(), ModelSafetyPolicy.of(model));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(query.sql().sql())) {
            JdbcBinder.bind(statement, query.sql().binds());
            return rows(statement.executeQuery());
        }
    }

    /** As {@link #run}, each row as its values in column order (the form the api reads rows in). */
    List<List<Object>> runRows(PlannedQuery query) throws SQLException {
        return run(query).stream().map(row -> (List<Object>) new ArrayList<>(row.values())).toList();
    }

    /** Whether the database has the hll extension (the Citus cluster does, the embedded PostgreSQL not). */
    boolean hll() throws SQLException {
        return !query("SELECT 1 FROM pg_extension WHERE extname = 'hll'").isEmpty();
    }

    /** Re-rolls a rollup's buckets from an instant on (all of them when empty) with the api's refresh statements. */
    void refresh(Rollup rollup, Optional<Instant> from, boolean hll) throws SQLException {
        RollupRefresh refresh = RollupStatements.refresh(model, rollup, from, hll);
        try (Connection connection = dataSource.getConnection()) {
            for (RenderedSql sql : List.of(refresh.delete(), refresh.insert())) {
                try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
                    JdbcBinder.bind(statement, sql.binds());
                    statement.executeUpdate();
                }
            }
        }
    }

    /** Runs plain SQL written by a test (never with report values) and returns its rows. */
    List<Map<String, Object>> query(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            return rows(statement.executeQuery(sql));
        }
    }

    private static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), rs.getObject(i));
            }
            rows.add(row);
        }
        rs.close();
        return rows;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
