package io.quarry.api.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.quarry.api.TestDatabaseProperties;
import io.quarry.api.auth.Jwts;
import io.quarry.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The warm-up on start, through the real server on the test database: readiness stays DOWN (503)
 * while it runs and is UP only once it has finished, liveness is UP meanwhile, it stops at its time
 * bound, and it reads no tenant table (the database's own scan counts of the tenant tables stay
 * as they were; a report, by contrast, moves them).
 */
class WarmupStartTest {

    /** Scans of the tenant tables, their partitions and rollups, in the test schema. */
    private static final String TENANT_SCANS = "SELECT coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0)"
            + " FROM pg_stat_user_tables WHERE schemaname = ? AND (relname IN ('accounts', 'campaigns', 'ad_sets', 'ads')"
            + " OR relname LIKE 'ad\\_stats%' OR relname LIKE 'events%')";
    /** The same on Citus: the shards' scans (accounts_102008, ...) on every worker, summed. */
    private static final String WORKER_SCANS = "SELECT coalesce(sum(result::bigint), 0) FROM run_command_on_workers("
            + "format($$SELECT coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0) FROM pg_stat_user_tables"
            + " WHERE schemaname = %L AND (relname ~ '^(accounts|campaigns|ad_sets|ads)_[0-9]+$'"
            + " OR relname LIKE 'ad\\_stats%%' OR relname LIKE 'events%%')$$, ?::text)) WHERE success";

    @Test
    void readinessIsDownUntilTheWarmupHasFinishedAndLivenessIsUpMeanwhile() throws Exception {
        // More iterations than 2 s allow: the warm-up runs until its time bound.
        try (EmbeddedServer server = start(Map.of("quarry.warmup.iterations", "1000000",
                "quarry.warmup.max-duration", "2s"));
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            WarmupReadiness readiness = server.getApplicationContext().getBean(WarmupReadiness.class);
            int down = 0;
            boolean livenessUpWhileDown = false;
            Instant deadline = Instant.now().plusSeconds(120);
            while (status(client, "/health/readiness") != 200) {
                down++;
                livenessUpWhileDown |= status(client, "/health/liveness") == 200;
                assertThat(Instant.now()).as("readiness UP within 120 s").isBefore(deadline);
                Thread.sleep(20);
            }
            // Readiness answered UP: the warm-up had finished by then (done never turns back).
            assertThat(readiness.done()).isTrue();
            assertThat(down).as("readiness answers DOWN while the warm-up runs").isPositive();
            assertThat(livenessUpWhileDown).isTrue();
            Warmup.Outcome outcome = readiness.outcome().orElseThrow();
            assertThat(outcome.complete()).as("stopped by quarry.warmup.max-duration").isFalse();
            assertThat(outcome.took()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(60));
            assertThat(outcome.reports()).as("reports made from the shipped model").isGreaterThanOrEqualTo(10);
            assertThat(outcome.plans()).isPositive().isGreaterThanOrEqualTo(2L * outcome.reports() * outcome.rounds());
        }
    }

    @Test
    void theWarmupReadsNoTenantTable() throws Exception {
        TestDatabaseProperties.ensureDemoData();
        int backends = backends();
        long before = settledTenantScans();
        try (EmbeddedServer server = start(Map.of("quarry.warmup.iterations", "20"));
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            awaitReady(client);
            assertThat(server.getApplicationContext().getBean(WarmupReadiness.class).outcome()).isPresent();
        }
        awaitBackends(backends);
        assertThat(settledTenantScans()).as("tenant table scans during a start with its warm-up").isEqualTo(before);

        // The same count sees a report's reads: the check above could fail.
        try (EmbeddedServer server = start(Map.of("quarry.warmup.enabled", "false"));
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            String token = Jwts.hmac("HS256", TestDatabaseProperties.JWT_SECRET, Jwts.claims(Map.of("sub", "warmup-test",
                    "accounts", List.of(1), "exp", Instant.now().plusSeconds(600).getEpochSecond())));
            HttpResponse<String> answer = client.toBlocking().exchange(HttpRequest.POST("/api/v1/reports/query",
                    "DIMENSIONS campaign.name METRICS clicks WHERE date DURING LAST_30_DAYS")
                    .contentType("text/plain").bearerAuth(token), String.class);
            assertThat(answer.code()).isEqualTo(200);
        }
        awaitBackends(backends);
        assertThat(settledTenantScans()).as("tenant table scans after a report").isGreaterThan(before);
    }

    private static EmbeddedServer start(Map<String, String> properties) {
        Map<String, Object> all = new HashMap<>(TestDatabaseProperties.get());
        all.put("quarry.warmup.enabled", "true");
        all.put("quarry.rollups.enabled", "false");
        all.putAll(properties);
        return ApplicationContext.run(EmbeddedServer.class, all);
    }

    private static void awaitReady(HttpClient client) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (status(client, "/health/readiness") != 200) {
            assertThat(Instant.now()).as("readiness UP within 120 s").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static int status(HttpClient client, String path) {
        try {
            return client.toBlocking().exchange(HttpRequest.GET(path), String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    /**
     * The tenant tables' scans once the statistics have settled. On PostgreSQL a backend reports
     * its counts as it exits (see {@link #awaitBackends}). On Citus the scans are the shards', on
     * the workers, whose backends stay connected and report pending counts within 10 s of going
     * idle: the count is read until it has not moved for 11 s.
     */
    private static long settledTenantScans() throws SQLException, InterruptedException {
        long scans = tenantScans();
        if (!TestDatabase.get().citus()) {
            return scans;
        }
        Instant deadline = Instant.now().plusSeconds(90);
        Instant unchangedSince = Instant.now();
        while (Duration.between(unchangedSince, Instant.now()).compareTo(Duration.ofSeconds(11)) < 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            long now = tenantScans();
            if (now != scans) {
                scans = now;
                unchangedSince = Instant.now();
            }
        }
        return scans;
    }

    /** The tenant tables' scans as the statistics show them now (on Citus, the shards' on every worker). */
    private static long tenantScans() throws SQLException {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(TestDatabase.get().citus() ? WORKER_SCANS
                     : TENANT_SCANS)) {
            connection.createStatement().execute("SELECT pg_stat_clear_snapshot()");
            statement.setString(1, TestDatabase.get().schema());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Client backends connected to the database (the test's own pool, and a server's while it runs). */
    private static int backends() throws SQLException {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             ResultSet rs = connection.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE backend_type = 'client backend' AND datname = current_database()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Waits until the stopped server's backends have exited: a backend reports its counts as it exits. */
    private static void awaitBackends(int before) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (backends() > before && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }
}
