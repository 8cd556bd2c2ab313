package io.quarry.api;

import io.quarry.migrations.Migrator;
import io.quarry.migrations.demo.DemoDataLoader;
import io.quarry.migrations.demo.DemoDataSpec;
import io.quarry.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;

/** Server properties that point the api at the test database (and its test schema). */
public final class TestDatabaseProperties {

    /** The signing secret of test tokens. */
    public static final String JWT_SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
    /** The last day of the test's demo data. */
    public static final LocalDate LAST_DAY = LocalDate.of(2026, 6, 14);

    private static boolean loaded;

    private TestDatabaseProperties() {
    }

    public static Map<String, String> get() {
        TestDatabase database = TestDatabase.get();
        return Map.of(
                "datasources.default.url", database.jdbcUrl(),
                "datasources.default.username", database.username(),
                "datasources.default.password", database.password(),
                "quarry.demo-data.enabled", "false",
                // A free port for every server: a server on 8080 (a developer's own) must not break the suite.
                "micronaut.server.port", "-1",
                "quarry.auth.jwt-secret", JWT_SECRET);
    }

    /**
     * Migrates the test schema and loads 8 accounts of demo data once per test JVM (the load marks
     * every rollup for a rebuild in its own transaction), with exchange rates for 2016-2036.
     */
    public static synchronized void ensureDemoData() throws SQLException {
        if (loaded) {
            return;
        }
        new Migrator(TestDatabase.get().dataSource()).migrate();
        DemoDataLoader loader = new DemoDataLoader(TestDatabase.get().dataSource());
        if (!loader.hasLoaded()) {
            loader.load(new DemoDataSpec(5, 8, 5, 2, 3, 60, LAST_DAY, 10), 2);
            // Rates for every range a test may convert over (the adversarial suite's reach far).
            try (Connection connection = TestDatabase.get().dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("SELECT quarry_demo_exchange_rates(DATE '2016-01-01', DATE '2036-12-31')");
            }
        }
        loaded = true;
    }

    /** Marks every rollup for a rebuild: facts were written without marking them dirty. */
    public static void markRollupsUnbuilt() throws SQLException {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE quarry_rollup_state SET dirty_from = '-infinity'");
        }
    }
}
