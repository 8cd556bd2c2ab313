package io.quarry.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.api.TestDatabaseProperties;
import io.quarry.api.db.DirectDataSource;
import io.quarry.planner.sql.Identifiers;
import io.quarry.testdb.TestDatabase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/admin/usage} through the real server: reports (rows and pivots) of one account
 * show up as its report count, rows and database time; on Citus, with {@code citus.stat_tenants_track = 'all'}
 * set for the database (and reset afterwards), Citus's own per-tenant counters show the account.
 */
@MicronautTest
class TenantUsageTest extends ApiTest {

    private static final String REPORT = "DIMENSIONS campaign.name METRICS spend, clicks"
            + " WHERE date BETWEEN DATE '2026-06-01' AND DATE '2026-06-14' TIMEZONE 'UTC'";

    @Inject
    EmbeddedServer server;

    @Inject
    DirectDataSource appDataSource;

    private AdminCalls calls;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabaseProperties.get());
        properties.put("quarry.cache.ttl", "0s"); // every report runs its query
        return properties;
    }

    @BeforeAll
    void calls() {
        calls = new AdminCalls(server.getURL(), tokens);
    }

    @Test
    void anAccountsReportsAreCountedWithTheirRowsAndDatabaseTime() {
        String reader = calls.token("usage-reader", List.of(5L), null);
        long rows = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode answer = calls.ok(calls.report(REPORT, reader));
            rows += answer.get("rows").size();
        }
        assertThat(rows).isPositive();
        JsonNode pivot = calls.ok(calls.post("/api/v1/reports/pivot", "DIMENSIONS campaign.status, date.month"
                + " METRICS spend WHERE date BETWEEN DATE '2026-05-01' AND DATE '2026-06-14' PIVOT BY date.month"
                + " TIMEZONE 'UTC'", reader));
        rows += pivot.get("meta").get("totalRows").asLong();
        calls.ok(calls.post("/api/v1/reports/explain", REPORT, reader)); // not a report answered: not counted
        JsonNode usage = calls.ok(calls.get("/api/v1/admin/usage?window=15m&sort=reports&limit=1000",
                calls.admin("usage-admin")));
        assertThat(usage.get("window").asText()).isEqualTo("PT15M");
        JsonNode account = account(usage.get("accounts"), 5);
        assertThat(account.get("reports").asLong()).isEqualTo(4);
        assertThat(account.get("rows").asLong()).isEqualTo(rows);
        assertThat(account.get("databaseMillis").asDouble()).isPositive();
        assertThat(usage.has("citus")).isEqualTo(TestDatabase.get().citus());
    }

    @Test
    void onCitusTheClustersPerTenantStatisticsShowTheAccount() throws Exception {
        assumeTrue(TestDatabase.get().citus(), "Citus only");
        String database = single("SELECT current_database()");
        execute("ALTER DATABASE " + Identifiers.quote(database) + " SET citus.stat_tenants_track = 'all'");
        try {
            renewConnections(); // the setting applies to new sessions, on the coordinator and the workers
            String reader = calls.token("usage-citus", List.of(6L), null);
            for (int i = 0; i < 3; i++) {
                calls.ok(calls.report(REPORT, reader));
            }
            JsonNode citus = calls.ok(calls.get("/api/v1/admin/usage?limit=1000", calls.admin("usage-admin")))
                    .get("citus");
            assertThat(citus.get("statTenantsTrack").asText()).isEqualTo("all");
            JsonNode tenant = null;
            for (JsonNode entry : citus.get("tenants")) {
                if (entry.get("account").asText().equals("6")) {
                    tenant = entry;
                }
            }
            assertThat(tenant).as("account 6 in %s", citus).isNotNull();
            assertThat(tenant.get("queriesThisPeriod").asLong() + tenant.get("queriesLastPeriod").asLong())
                    .isGreaterThanOrEqualTo(3);
        } finally {
            execute("ALTER DATABASE " + Identifiers.quote(database) + " RESET citus.stat_tenants_track");
            renewConnections();
        }
    }

    private void renewConnections() throws SQLException {
        appDataSource.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    }

    private static JsonNode account(JsonNode accounts, long id) {
        for (JsonNode account : accounts) {
            if (account.get("account").asLong() == id) {
                return account;
            }
        }
        throw new AssertionError("account " + id + " is not in " + accounts);
    }

    private static String single(String sql) throws SQLException {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
