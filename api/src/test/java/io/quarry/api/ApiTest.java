package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of tests through the real server: the test database with its demo data, an HTTP
 * client, and tokens signed by the server's own generator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    protected HttpClient client;

    @Inject
    protected TokenGenerator tokens;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabaseProperties.get();
    }

    @BeforeAll
    protected void demoData() throws Exception {
        TestDatabaseProperties.ensureDemoData();
    }

    /** A token for {@code subject} that may read {@code accounts}, valid for ten minutes. */
    protected String token(String subject, List<Long> accounts) {
        return tokens.generateToken(Map.of("sub", subject, "accounts", accounts,
                "exp", Instant.now().plusSeconds(600).getEpochSecond())).orElseThrow();
    }

    /** The problem body of a request that must fail with {@code status}. */
    protected String error(HttpRequest<?> request, int status) {
        try {
            client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(status);
            return e.getResponse().getBody(String.class).orElse("");
        }
        throw new AssertionError("expected " + status + " for " + request.getPath());
    }

    /** A text-form report POSTed to {@code uri} with {@code token}. */
    protected MutableHttpRequest<String> report(String uri, String text, String token) {
        return HttpRequest.POST(uri, text).contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token);
    }
}
