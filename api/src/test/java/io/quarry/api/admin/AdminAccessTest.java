package io.quarry.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.api.admin.AdminCalls.Answer;
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
 * Who may use the admin endpoints, through the real server: only tokens whose roles claim holds
 * quarry-admin; a reporting token gets a 403 problem, no token a 401; every request is audited
 * (table and log) with its subject and outcome; bad input is a located 4xx, never a 500.
 */
@MicronautTest
class AdminAccessTest extends ApiTest {

    private static final List<String> READS = List.of("/api/v1/admin/tenants", "/api/v1/admin/tenants/1",
            "/api/v1/admin/shards", "/api/v1/admin/usage", "/api/v1/admin/audit", "/api/v1/admin/rebalance",
            "/api/v1/admin/jobs/x");
    private static final List<String> WRITES = List.of("/api/v1/admin/tenants/1/isolate", "/api/v1/admin/rebalance",
            "/api/v1/admin/rebalance/stop");

    @Inject
    EmbeddedServer server;

    private AdminCalls calls;

    @BeforeAll
    void calls() {
        calls = new AdminCalls(server.getURL(), tokens);
    }

    @Test
    void aTokenWithoutTheAdminRoleIsRefusedEverywhereAndAudited() throws SQLException {
        for (Object roles : new Object[] {null, "reader", List.of("reader"), "quarry-admins", List.of(), ""}) {
            String reader = calls.token("access-reader", List.of(1L), roles);
            for (String path : READS) {
                assertRefused(calls.get(path, reader), path, roles);
            }
            for (String path : WRITES) {
                assertRefused(calls.post(path, reader), path, roles);
            }
        }
        assertThat(calls.report("METRICS spend WHERE date BETWEEN DATE '2026-06-01' AND DATE '2026-06-14'",
                calls.token("access-reader", List.of(1L), "reader")).status()).as("the token reads reports").isEqualTo(200);
        List<String> audited = audit("access-reader");
        assertThat(audited).hasSize(6 * (READS.size() + WRITES.size()));
        assertThat(audited).allMatch(entry -> entry.endsWith("refused HTTP 403"));
        assertThat(audited).contains("POST /api/v1/admin/tenants/1/isolate refused HTTP 403");
    }

    @Test
    void withoutATokenTheAnswerIs401AndAudited() throws SQLException {
        Answer answer = calls.get("/api/v1/admin/shards", null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(audit("anonymous")).contains("GET /api/v1/admin/shards refused HTTP 401");
    }

    @Test
    void theAdminRoleMayBeAnArrayOrASpaceSeparatedStringAndIsAudited() throws SQLException {
        for (Object roles : new Object[] {List.of("reader", "quarry-admin"), "reader quarry-admin"}) {
            Answer answer = calls.get("/api/v1/admin/shards", calls.token("access-admin", List.of(), roles));
            assertThat(answer.status()).as("roles %s: %s", roles, answer.body()).isEqualTo(200);
            assertThat(answer.body().get("distributed").asBoolean()).isEqualTo(TestDatabase.get().citus());
        }
        assertThat(audit("access-admin")).containsExactly("GET /api/v1/admin/shards ok HTTP 200",
                "GET /api/v1/admin/shards ok HTTP 200");
        JsonNode latest = calls.ok(calls.get("/api/v1/admin/audit?limit=2", calls.admin("access-audit")));
        assertThat(latest).hasSize(2);
        for (JsonNode entry : latest) {
            assertThat(entry.get("subject").asText()).isEqualTo("access-admin");
            assertThat(entry.get("action").asText()).isEqualTo("GET /api/v1/admin/shards");
            assertThat(entry.get("outcome").asText()).isEqualTo("ok");
        }
        assertThat(latest.get(0).get("id").asLong()).isGreaterThan(latest.get(1).get("id").asLong());
    }

    @Test
    void badInputIsALocated4xxProblem() {
        String admin = calls.admin("access-bad-input");
        assertProblem(calls.get("/api/v1/admin/tenants?limit=0", admin), 400, "BAD_REQUEST", "limit");
        assertProblem(calls.get("/api/v1/admin/tenants?limit=10001", admin), 400, "BAD_REQUEST", "limit");
        assertProblem(calls.get("/api/v1/admin/tenants?sort=bytes", admin), 400, "BAD_REQUEST", "sort");
        assertProblem(calls.get("/api/v1/admin/tenants/abc", admin), 400, "BAD_REQUEST", "account");
        assertProblem(calls.get("/api/v1/admin/tenants/987654321", admin), 404, "UNKNOWN_ACCOUNT", "987654321");
        assertProblem(calls.get("/api/v1/admin/jobs/nope", admin), 404, "UNKNOWN_JOB", "nope");
        assertProblem(calls.get("/api/v1/admin/usage?window=2h", admin), 400, "INVALID_WINDOW", "window");
        assertProblem(calls.get("/api/v1/admin/usage?window=soon", admin), 400, "BAD_REQUEST", "window");
        assertProblem(calls.get("/api/v1/admin/usage?sort=cpu", admin), 400, "BAD_REQUEST", "sort");
        assertProblem(calls.get("/api/v1/admin/audit?limit=-1", admin), 400, "BAD_REQUEST", "limit");
        assertProblem(calls.post("/api/v1/admin/rebalance?strategy=by_magic", admin), 400, "BAD_REQUEST", "strategy");
    }

    private static void assertRefused(Answer answer, String path, Object roles) {
        assertThat(answer.status()).as("%s with roles %s", path, roles).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("ADMIN_NOT_PERMITTED");
        assertThat(answer.body().get("detail").asText()).contains("\"roles\"").contains("quarry-admin");
    }

    private static void assertProblem(Answer answer, int status, String code, String mentions) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.body().get("detail").asText()).contains(mentions);
    }

    /** The audit entries of {@code subject}, oldest first, as "action outcome detail". */
    private static List<String> audit(String subject) throws SQLException {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT action, outcome, detail FROM admin_audit"
                     + " WHERE subject = ? ORDER BY audit_id")) {
            select.setString(1, subject);
            List<String> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
                }
            }
            return entries;
        }
    }
}
