package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.generator.TokenGenerator;
import io.quarry.testdb.TestDatabase;
import io.quarry.testdb.TestDatabase.ScratchSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The production path from an empty database: the server migrates it, loads the demo data
 * (QUARRY_DEMO_DATA_ENABLED=true), says on /health what it runs on (to a caller with a token;
 * anyone else gets the status only), and answers a report. On
 * Citus the tables are distributed and /health shows Citus with its two workers.
 */
class ProductionStartupTest {

    @Test
    @SuppressWarnings("unchecked")
    void anEmptyDatabaseIsMigratedLoadedWithDemoDataAndServesReports() throws Exception {
        ScratchSchema schema = TestDatabase.get().scratchSchema("startup");
        Map<String, Object> properties = Map.of(
                "datasources.default.url", schema.jdbcUrl(),
                "datasources.default.username", TestDatabase.get().username(),
                "datasources.default.password", TestDatabase.get().password(),
                "quarry.demo-data.enabled", "true",
                "quarry.auth.jwt-secret", TestDatabaseProperties.JWT_SECRET,
                "micronaut.server.port", -1);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            String token = server.getApplicationContext().getBean(TokenGenerator.class).generateToken(Map.of(
                    "sub", "startup", "accounts", List.of(1L, 3L),
                    "exp", Instant.now().plusSeconds(600).getEpochSecond())).orElseThrow();
            assertThat(client.toBlocking().retrieve("/health")).as("anonymous: the status only")
                    .isEqualTo("{\"status\":\"UP\"}");
            Map<String, Object> health = client.toBlocking().retrieve(HttpRequest.GET("/health").bearerAuth(token),
                    Argument.mapOf(String.class, Object.class));
            Map<String, Object> database = (Map<String, Object>) ((Map<String, Object>) health.get("details"))
                    .get("database");
            Map<String, Object> citus = (Map<String, Object>) ((Map<String, Object>) database.get("details"))
                    .get("citus");
            assertThat(health).containsEntry("status", "UP");
            if (TestDatabase.get().citus()) {
                assertThat(citus).containsEntry("active", true).containsEntry("workers", 2);
                assertThat((String) citus.get("version")).startsWith("13.");
                assertThat(single(schema, "SELECT count(*) FROM public.citus_tables"
                        + " WHERE table_name::regclass::oid = 'ad_stats_daily'::regclass::oid"
                        + " AND citus_table_type = 'distributed'")).isEqualTo(1);
            } else {
                assertThat(citus).containsEntry("active", false);
            }
            assertThat(single(schema, "SELECT count(*) FROM accounts")).isEqualTo(20);
            assertThat(single(schema, "SELECT count(*) FROM ad_stats_daily")).isGreaterThan(50_000);

            Map<String, Object> answer = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/reports/query",
                            "DIMENSIONS account.id METRICS spend, event_count WHERE date DURING LAST_30_DAYS CURRENCY 'EUR'")
                    .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token), Argument.mapOf(String.class, Object.class));
            assertThat((List<Object>) answer.get("rows")).hasSize(2);
        }
    }

    private static long single(ScratchSchema schema, String sql) throws Exception {
        try (Connection connection = schema.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
