package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The OpenAPI document generated from the code, and the Swagger UI, are served without a token. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabaseProperties.get();
    }

    @Test
    void theSpecAndTheUiAreServed() {
        String spec = client.toBlocking().retrieve("/swagger/quarry-v1.yml");
        assertThat(spec).contains("/api/v1/reports/query", "/api/v1/reports/pivot", "/api/v1/reports/explain",
                "/api/v1/model", "bearerFormat: JWT");
        String ui = client.toBlocking().retrieve("/swagger-ui/index.html");
        assertThat(ui).contains("/swagger/quarry-v1.yml");
    }
}
