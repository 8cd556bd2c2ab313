package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.quarry.testdb.TestDatabase;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /health} through the real server on the configured (test) database. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthEndpointTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabaseProperties.get();
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportsTheDatabaseItsVersionAndCitus() {
        HttpResponse<Map<String, Object>> response = client.toBlocking()
                .exchange(HttpRequest.GET("/health"), Argument.mapOf(String.class, Object.class));
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
}
