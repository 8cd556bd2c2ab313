package io.quarry.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.api.TestDatabaseProperties;
import io.quarry.api.admin.AdminCalls.Answer;
import io.quarry.testdb.TestDatabase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/admin/tenants/1/isolate} through the real server on Citus: a background job
 * gives account 1 shards of its own in every tenant table (the placement before and after says
 * so, as does the tenants endpoint), while reports for account 1 keep answering, the same, before,
 * during and after. On PostgreSQL the endpoint is a 409: there are no shards to split.
 */
@MicronautTest
class IsolateTenantTest extends ApiTest {

    private static final String REPORT = "DIMENSIONS campaign.name METRICS spend, clicks, impressions"
            + " WHERE date BETWEEN DATE '2026-05-01' AND DATE '2026-06-14' ORDER BY campaign.name TIMEZONE 'UTC'";

    @Inject
    EmbeddedServer server;

    private AdminCalls calls;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabaseProperties.get());
        properties.put("quarry.cache.ttl", "0s"); // every report reads the shards
        return properties;
    }

    @BeforeAll
    void calls() {
        calls = new AdminCalls(server.getURL(), tokens);
    }

    @Test
    void onPostgresqlThereIsNothingToIsolateOrRebalance() {
        if (TestDatabase.get().citus()) {
            return;
        }
        String admin = calls.admin("isolate-admin");
        for (String path : List.of("/api/v1/admin/tenants/1/isolate", "/api/v1/admin/rebalance",
                "/api/v1/admin/rebalance/stop", "GET /api/v1/admin/rebalance")) {
            Answer answer = path.startsWith("GET ") ? calls.get(path.substring(4), admin) : calls.post(path, admin);
            assertThat(answer.status()).as(path).isEqualTo(409);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.code()).isEqualTo("NOT_DISTRIBUTED");
        }
    }

    @Test
    void accountOneGetsShardsOfItsOwnWhileItsReportsKeepAnswering() throws Exception {
        assumeTrue(TestDatabase.get().citus(), "Citus only");
        String admin = calls.admin("isolate-admin");
        String reader = calls.token("isolate-reader", List.of(1L), null);
        JsonNode expected = calls.ok(calls.report(REPORT, reader)).get("rows");
        assertThat(expected.size()).isPositive();

        JsonNode job;
        List<ReportLoad.Run> runs;
        try (ReportLoad load = new ReportLoad(calls, REPORT, reader, 2)) {
            Thread.sleep(300);
            Answer started = calls.post("/api/v1/admin/tenants/1/isolate", admin);
            assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
            String id = started.body().get("id").asText();
            job = calls.await("/api/v1/admin/jobs/" + id, admin,
                    j -> j.get("state").asText().matches("succeeded|failed"), Duration.ofMinutes(3));
            Thread.sleep(300);
            runs = load.stop();
        }
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.status()).isEqualTo(200);
            assertThat(run.rows()).isEqualTo(expected);
        });
        List<ReportLoad.Run> during = ReportLoad.during(runs, Instant.parse(job.get("startedAt").asText()),
                Instant.parse(job.get("finishedAt").asText()));
        assertThat(during).as("reports answered while the job ran").isNotEmpty();

        JsonNode before = job.get("before");
        JsonNode after = job.get("after");
        assertThat(before.size()).isGreaterThanOrEqualTo(7).isEqualTo(after.size());
        for (int i = 0; i < before.size(); i++) {
            assertThat(before.get(i).get("isolated").asBoolean()).as(before.get(i).toString()).isFalse();
            assertThat(after.get(i).get("table")).isEqualTo(before.get(i).get("table"));
            assertThat(after.get(i).get("isolated").asBoolean()).as(after.get(i).toString()).isTrue();
            assertThat(after.get(i).get("shardId").asLong()).isNotEqualTo(before.get(i).get("shardId").asLong());
            assertThat(after.get(i).get("node")).as("the new shard stays on its node").isEqualTo(before.get(i).get("node"));
        }
        JsonNode tables = calls.ok(calls.get("/api/v1/admin/tenants/1", admin)).get("tenant").get("tables");
        assertThat(tables.size()).isPositive();
        for (JsonNode table : tables) {
            assertThat(table.get("isolated").asBoolean()).as(table.toString()).isTrue();
        }
        assertThat(calls.ok(calls.report(REPORT, reader)).get("rows")).isEqualTo(expected);

        Answer again = calls.post("/api/v1/admin/tenants/1/isolate", admin);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_ISOLATED");
    }
}
