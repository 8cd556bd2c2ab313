package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.quarry.api.auth.Jwts;
import io.quarry.testdb.TestDatabase;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.net.URL;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /health} through the real server on the configured (test) database: the status for
 * anyone (load balancers), the details (database, version, schema, Citus, disk) only for a caller
 * with a valid token.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthEndpointTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TokenGenerator tokens;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabaseProperties.get();
    }

    @Test
    void anonymousCallersGetTheStatusOnly() {
        for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
            HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET(path), String.class);
            assertThat(response.code()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void aRefusedTokenIsAnonymousThere() {
        String expired = Jwts.hmac("HS256", TestDatabaseProperties.JWT_SECRET, Jwts.claims(Map.of("sub", "t",
                "accounts", List.of(1), "exp", Instant.now().minusSeconds(60).getEpochSecond())));
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/health").bearerAuth(expired),
                String.class);
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aValidTokenSeesTheDatabaseItsVersionAndCitus() {
        HttpResponse<Map<String, Object>> response = client.toBlocking()
                .exchange(withToken(HttpRequest.GET("/health")), Argument.mapOf(String.class, Object.class));
        assertThat(response.code()).isEqualTo(200);
        Map<String, Object> body = response.body();
        assertThat(body).containsEntry("status", "UP");
        Map<String, Object> database = (Map<String, Object>) ((Map<String, Object>) body.get("details")).get("database");
        assertThat(database).containsEntry("status", "UP");
        Map<String, Object> details = (Map<String, Object>) database.get("details");
        assertThat(details).containsEntry("mode", "external").containsEntry("database", "PostgreSQL")
                .containsEntry("schema", TestDatabase.get().schema());
        assertThat((String) details.get("version")).matches("1[5-7]\\..*");
        Map<String, Object> citus = (Map<String, Object>) details.get("citus");
        assertThat(citus).containsEntry("active", TestDatabase.get().citus());
        if (TestDatabase.get().citus()) {
            assertThat(((Number) citus.get("workers")).intValue()).isGreaterThanOrEqualTo(0);
        }
    }

    /**
     * The documented alternative to a token: the management endpoints on their own port (one
     * reachable only inside the cluster) with the details shown to anyone there; the public port
     * then serves no /health at all.
     */
    @Test
    @SuppressWarnings("unchecked")
    void detailsWithoutATokenOnlyOnASeparateManagementPort() throws Exception {
        int managementPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            managementPort = socket.getLocalPort();
        }
        Map<String, Object> properties = new HashMap<>(TestDatabaseProperties.get());
        properties.put("endpoints.all.port", managementPort);
        properties.put("endpoints.health.details-visible", "ANONYMOUS");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
             HttpClient publicPort = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
             HttpClient management = server.getApplicationContext().createBean(HttpClient.class,
                     new URL("http://localhost:" + managementPort))) {
            Map<String, Object> health = management.toBlocking().retrieve(HttpRequest.GET("/health"),
                    Argument.mapOf(String.class, Object.class));
            assertThat((Map<String, Object>) health.get("details")).containsKey("database");
            assertThatThrownBy(() -> publicPort.toBlocking().exchange(HttpRequest.GET("/health"), String.class))
                    .isInstanceOfSatisfying(HttpClientResponseException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(404));
        }
    }

    private MutableHttpRequest<?> withToken(MutableHttpRequest<?> request) {
        return request.bearerAuth(tokens.generateToken(Map.of("sub", "monitor", "accounts", List.of(1L),
                "exp", Instant.now().plusSeconds(600).getEpochSecond())).orElseThrow());
    }
}
