package io.quarry.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.api.TestDatabaseProperties;
import io.quarry.api.admin.AdminCalls.Answer;
import io.quarry.planner.sql.Identifiers;
import io.quarry.testdb.TestDatabase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/admin/rebalance} through the real server on a Citus cluster that grows by a
 * worker: the spare worker of {@code .ci/spare-worker} ({@value #SPARE_VARIABLE}=host:port) is
 * added, the rebalancer moves shards onto it while reports keep answering the same, a second
 * start finds nothing to move, and a rebalance stopped while it runs is cancelled. The worker is
 * drained and removed afterwards, so the cluster is left as it was found. Runs only on Citus with
 * a spare worker (CI's Citus pass has both; elsewhere it is skipped).
 */
@MicronautTest
class RebalanceTest extends ApiTest {

    static final String SPARE_VARIABLE = "QUARRY_TEST_SPARE_WORKER";
    private static final String REPORT = "DIMENSIONS campaign.name METRICS spend, clicks"
            + " WHERE date BETWEEN DATE '2026-05-01' AND DATE '2026-06-14' ORDER BY campaign.name TIMEZONE 'UTC'"
            + " CURRENCY 'USD'";

    @Inject
    EmbeddedServer server;

    private AdminCalls calls;
    private String host;
    private int port;
    private boolean added;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabaseProperties.get());
        properties.put("quarry.cache.ttl", "0s");
        return properties;
    }

    @BeforeAll
    void addTheSpareWorker() throws SQLException {
        calls = new AdminCalls(server.getURL(), tokens);
        String spare = System.getenv(SPARE_VARIABLE);
        if (!TestDatabase.get().citus() || spare == null || spare.isBlank()) {
            return;
        }
        host = spare.substring(0, spare.lastIndexOf(':'));
        port = Integer.parseInt(spare.substring(spare.lastIndexOf(':') + 1));
        String database = coordinator(statement -> single(statement, "SELECT current_database()"));
        boolean hll = coordinator(statement -> single(statement,
                "SELECT count(*) FROM pg_extension WHERE extname = 'hll'")).equals("1");
        // Citus does not create the database on a node it adds: the node must have it, with the extensions.
        try (Connection connection = spare("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(database) + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + Identifiers.quote(database));
        }
        try (Connection connection = spare(database); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION citus");
            if (hll) {
                statement.execute("CREATE EXTENSION hll");
            }
        }
        coordinator(statement -> call(statement, "SELECT citus_add_node(?, ?)"));
        added = true;
    }

    @AfterAll
    void drainAndRemoveTheSpareWorker() throws SQLException {
        if (!added) {
            return;
        }
        coordinator(statement -> {
            while (single(statement, "SELECT count(*) FROM citus_rebalance_status()"
                    + " WHERE state::text IN ('scheduled', 'running', 'cancelling', 'failing')").equals("1")) {
                Thread.onSpinWait();
            }
            call(statement, "SELECT citus_drain_node(?, ?, shard_transfer_mode => 'block_writes')");
            return call(statement, "SELECT citus_remove_node(?, ?)");
        });
        String database = coordinator(statement -> single(statement, "SELECT current_database()"));
        try (Connection connection = spare("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(database) + " WITH (FORCE)");
        }
    }

    @Test
    void shardsMoveToANewWorkerWhileReportsKeepAnswering() throws Exception {
        assumeTrue(added, "needs a Citus coordinator and a spare worker (" + SPARE_VARIABLE + ", .ci/spare-worker)");
        String admin = calls.admin("rebalance-admin");
        String spare = host + ":" + port;
        JsonNode before = calls.ok(calls.get("/api/v1/admin/shards", admin));
        assertThat(node(before, spare).get("shards").asLong()).isZero();
        assertThat(node(before, spare).get("healthy").asBoolean()).isTrue();

        String reader = calls.token("rebalance-reader", List.of(1L, 2L, 3L), null);
        JsonNode expected = calls.ok(calls.report(REPORT, reader)).get("rows");
        assertThat(expected.size()).isPositive();
        JsonNode done;
        List<ReportLoad.Run> runs;
        try (ReportLoad load = new ReportLoad(calls, REPORT, reader, 2)) {
            Answer started = calls.post("/api/v1/admin/rebalance?strategy=by_shard_count", admin);
            assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
            assertThat(started.body().get("started").asBoolean()).isTrue();
            long job = started.body().get("citusJobId").asLong();
            Answer twice = calls.post("/api/v1/admin/rebalance", admin);
            assertThat(twice.status()).as(twice.body().toString()).isEqualTo(409);
            assertThat(twice.code()).isEqualTo("REBALANCE_RUNNING");
            done = calls.await("/api/v1/admin/rebalance", admin,
                    status -> status.get("state").asText().matches("finished|failed|cancelled"), Duration.ofMinutes(10));
            assertThat(done.get("citusJobId").asLong()).isEqualTo(job);
            runs = load.stop();
        }
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("finished");
        assertThat(done.get("details").get("task_state_counts").get("done").asInt()).isPositive();
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.status()).isEqualTo(200);
            assertThat(run.rows()).isEqualTo(expected);
        });
        assertThat(ReportLoad.during(runs, Instant.parse(done.get("startedAt").asText()),
                Instant.parse(done.get("finishedAt").asText()))).as("reports answered while shards moved").isNotEmpty();

        JsonNode after = calls.ok(calls.get("/api/v1/admin/shards", admin));
        assertThat(node(after, spare).get("shards").asLong()).isPositive();
        assertThat(after.get("shardSkew").asDouble()).isLessThan(before.get("shardSkew").asDouble());
        Answer again = calls.post("/api/v1/admin/rebalance", admin);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("started").asBoolean()).isFalse();
        Answer stopIdle = calls.post("/api/v1/admin/rebalance/stop", admin);
        assertThat(stopIdle.status()).isEqualTo(409);
        assertThat(stopIdle.code()).isEqualTo("NO_REBALANCE_RUNNING");

        // Moving the shards back off the spare takes several moves: stopped at once, the rebalance is cancelled.
        coordinator(statement -> call(statement, "SELECT citus_set_node_property(?, ?, 'shouldhaveshards', false)"));
        Answer drain = calls.post("/api/v1/admin/rebalance", admin);
        assertThat(drain.status()).as(drain.body().toString()).isEqualTo(202);
        Answer stopped = calls.post("/api/v1/admin/rebalance/stop", admin);
        assertThat(stopped.status()).as(stopped.body().toString()).isEqualTo(200);
        assertThat(stopped.body().get("state").asText()).isIn("cancelling", "cancelled");
        assertThat(calls.ok(calls.report(REPORT, reader)).get("rows")).isEqualTo(expected);
    }

    private static JsonNode node(JsonNode map, String name) {
        for (JsonNode node : map.get("nodes")) {
            if (node.get("node").asText().equals(name)) {
                return node;
            }
        }
        throw new AssertionError(name + " is not in " + map.get("nodes"));
    }

    private interface Work<T> {
        T run(Statement statement) throws SQLException;
    }

    private static <T> T coordinator(Work<T> work) throws SQLException {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            return work.run(statement);
        }
    }

    /** Runs a function of the spare's host and port on the statement's connection. */
    private String call(Statement statement, String sql) throws SQLException {
        try (PreparedStatement prepared = statement.getConnection().prepareStatement(sql)) {
            prepared.setString(1, host);
            prepared.setInt(2, port);
            try (ResultSet rows = prepared.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private Connection spare(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database,
                TestDatabase.get().username(), TestDatabase.get().password());
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
