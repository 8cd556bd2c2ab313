package io.quarry.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.testdb.TestDatabase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/admin/tenants} through the real server: every demo account with its rows per
 * table as the database counts them, largest first, shares of the whole; on Citus every table's
 * shard and node as {@code citus_shards} and {@code get_shard_id_for_distribution_column} say,
 * on PostgreSQL {@code distributed: false} and no shards.
 */
@MicronautTest
class TenantSizesTest extends ApiTest {

    @Inject
    EmbeddedServer server;

    private AdminCalls calls;
    private String admin;

    @BeforeAll
    void calls() {
        calls = new AdminCalls(server.getURL(), tokens);
        admin = calls.admin("tenant-sizes");
    }

    @Test
    void theTenantsAreListedLargestFirstWithTheRowsTheDatabaseCounts() throws SQLException {
        JsonNode page = calls.ok(calls.get("/api/v1/admin/tenants?sort=size&limit=1000", admin));
        boolean citus = TestDatabase.get().citus();
        assertThat(page.get("distributed").asBoolean()).isEqualTo(citus);
        assertThat(page.get("sort").asText()).isEqualTo("size");
        JsonNode tenants = page.get("tenants");
        assertThat(tenants.size()).isGreaterThanOrEqualTo(8).isEqualTo(page.get("accounts").asInt());
        List<Long> accounts = new ArrayList<>();
        long previous = Long.MAX_VALUE;
        double shares = 0;
        for (JsonNode tenant : tenants) {
            accounts.add(tenant.get("account").asLong());
            assertThat(tenant.get("bytes").asLong()).isLessThanOrEqualTo(previous);
            previous = tenant.get("bytes").asLong();
            shares += tenant.get("share").asDouble();
        }
        assertThat(accounts).contains(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(page.get("totalBytes").asLong()).isPositive();
        assertThat(shares).isPositive().isLessThanOrEqualTo(1.0001);
        assertThat(tenants.get(0).get("bytes").asLong()).isPositive();

        JsonNode first = byAccount(tenants, 1);
        List<String> tables = new ArrayList<>();
        long rows = 0;
        for (JsonNode table : first.get("tables")) {
            String name = table.get("table").asText();
            tables.add(name);
            assertThat(table.get("rows").asLong()).as(name).isEqualTo(count(name, 1));
            rows += table.get("rows").asLong();
            if (table.get("rows").asLong() > 0) {
                assertThat(table.get("bytes").asLong()).as(name).isPositive();
            }
            assertThat(table.has("shardId")).isEqualTo(citus);
            assertThat(table.has("node")).isEqualTo(citus);
        }
        assertThat(tables).contains("accounts", "campaigns", "ad_sets", "ads", "ad_stats_daily", "events",
                "saved_reports").doesNotContain("currencies", "countries", "admin_audit");
        assertThat(first.get("rows").asLong()).isEqualTo(rows).isPositive();
        assertThat(page.get("totalRows").asLong()).isGreaterThan(rows);
    }

    @Test
    void onCitusEveryTableOfEveryTenantLivesOnTheShardAndNodeCitusShardsSays() throws SQLException {
        if (!TestDatabase.get().citus()) {
            JsonNode tenant = calls.ok(calls.get("/api/v1/admin/tenants/2", admin));
            assertThat(tenant.get("distributed").asBoolean()).isFalse();
            assertThat(tenant.get("tenant").get("tables").get(0).has("shardId")).isFalse();
            return;
        }
        JsonNode tenants = calls.ok(calls.get("/api/v1/admin/tenants?limit=1000", admin)).get("tenants");
        int checked = 0;
        for (JsonNode tenant : tenants) {
            for (JsonNode table : tenant.get("tables")) {
                String[] placement = placement(table.get("table").asText(), tenant.get("account").asLong());
                assertThat(table.get("shardId").asText()).as("%s of %s", table, tenant.get("account"))
                        .isEqualTo(placement[0]);
                assertThat(table.get("node").asText()).isEqualTo(placement[1]);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(8 * 7);
    }

    @Test
    void otherOrdersLimitsAndOneAccountInDetail() {
        JsonNode byRows = calls.ok(calls.get("/api/v1/admin/tenants?sort=rows&limit=3", admin));
        assertThat(byRows.get("tenants")).hasSize(3);
        assertThat(byRows.get("accounts").asInt()).isGreaterThanOrEqualTo(8);
        long previous = Long.MAX_VALUE;
        for (JsonNode tenant : byRows.get("tenants")) {
            assertThat(tenant.get("rows").asLong()).isLessThanOrEqualTo(previous);
            previous = tenant.get("rows").asLong();
        }
        JsonNode byAccount = calls.ok(calls.get("/api/v1/admin/tenants?sort=account&limit=2", admin)).get("tenants");
        assertThat(byAccount.get(0).get("account").asLong()).isLessThan(byAccount.get(1).get("account").asLong());

        JsonNode all = calls.ok(calls.get("/api/v1/admin/tenants?limit=1000", admin));
        JsonNode detail = calls.ok(calls.get("/api/v1/admin/tenants/3", admin));
        assertThat(detail.get("tenant")).isEqualTo(byAccount(all.get("tenants"), 3));
        assertThat(detail.get("totalBytes")).isEqualTo(all.get("totalBytes"));
    }

    private static JsonNode byAccount(JsonNode tenants, long account) {
        for (JsonNode tenant : tenants) {
            if (tenant.get("account").asLong() == account) {
                return tenant;
            }
        }
        throw new AssertionError("account " + account + " is not listed");
    }

    private static long count(String table, long account) throws SQLException {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT count(*) FROM " + table + " WHERE account_id = ?")) {
            select.setLong(1, account);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The shard id and host:port of {@code account}'s shard of {@code table}, from Citus's own functions. */
    private static String[] placement(String table, long account) throws SQLException {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT s.shardid, s.nodename || ':' || s.nodeport"
                     + " FROM pg_catalog.citus_shards s"
                     + " WHERE s.shardid = get_shard_id_for_distribution_column(?::regclass, ?)")) {
            select.setString(1, table);
            select.setLong(2, account);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).as("citus_shards has the shard of %s for %s", table, account).isTrue();
                return new String[] {rows.getString(1), rows.getString(2)};
            }
        }
    }
}
