package io.quarry.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.testdb.TestDatabase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/admin/shards} through the real server: on Citus the workers with the shards
 * of Quarry's tables (as many as citus_shards counts), healthy, the colocation group of the tenant
 * tables, the reference tables and the skew; on PostgreSQL one local node and {@code distributed: false}.
 */
@MicronautTest
class ShardMapTest extends ApiTest {

    @Inject
    EmbeddedServer server;

    private AdminCalls calls;

    @BeforeAll
    void calls() {
        calls = new AdminCalls(server.getURL(), tokens);
    }

    @Test
    void theShardMapCountsWhatCitusHolds() throws SQLException {
        JsonNode map = calls.ok(calls.get("/api/v1/admin/shards", calls.admin("shard-map")));
        assertThat(map.get("postgresVersion").asText()).matches("1[5-9].*");
        if (!TestDatabase.get().citus()) {
            assertThat(map.get("distributed").asBoolean()).isFalse();
            assertThat(map.has("citusVersion")).isFalse();
            assertThat(map.get("nodes")).hasSize(1);
            assertThat(map.get("nodes").get(0).get("bytes").asLong()).isPositive();
            return;
        }
        assertThat(map.get("distributed").asBoolean()).isTrue();
        assertThat(map.get("citusVersion").asText()).startsWith("13.");
        long shards = 0;
        List<String> workers = new ArrayList<>();
        for (JsonNode node : map.get("nodes")) {
            assertThat(node.get("healthy").asBoolean()).as(node.toString()).isTrue();
            shards += node.get("shards").asLong();
            if (node.get("role").asText().equals("worker")) {
                workers.add(node.get("node").asText());
                assertThat(node.get("shards").asLong()).as(node.toString()).isPositive();
                assertThat(node.get("bytes").asLong()).as(node.toString()).isPositive();
            }
        }
        assertThat(workers).hasSizeGreaterThanOrEqualTo(2);
        assertThat(shards).isEqualTo(single("SELECT count(*) FROM pg_catalog.citus_shards s JOIN pg_class c"
                + " ON c.oid = s.table_name WHERE c.relnamespace = current_schema()::regnamespace"
                + " AND s.citus_table_type = 'distributed'"));
        JsonNode group = map.get("colocationGroups").get(0);
        List<String> tables = new ArrayList<>();
        group.get("tables").forEach(t -> tables.add(t.asText()));
        assertThat(tables).contains("accounts", "ads", "events", "ad_stats_daily", "saved_reports");
        assertThat(group.get("shardCount").asInt()).isGreaterThanOrEqualTo(32);
        List<String> references = new ArrayList<>();
        map.get("referenceTables").forEach(t -> references.add(t.get("table").asText()));
        assertThat(references).containsExactly("countries", "currencies", "exchange_rates");
        assertThat(map.get("skew").asDouble()).isGreaterThanOrEqualTo(1.0).isLessThan(workers.size());
        assertThat(map.get("shardSkew").asDouble()).isGreaterThanOrEqualTo(1.0);
    }

    private static long single(String sql) throws SQLException {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
