package io.quarry.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.api.TestDatabaseProperties;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The time rules follow quarry.auth.tokens.*: a longer skew, exp optional, a shorter lifetime. */
@MicronautTest
class TokenSettingsTest extends ApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("quarry.auth.tokens.clock-skew", "5m");
        properties.put("quarry.auth.tokens.require-expiration", "false");
        properties.put("quarry.auth.tokens.max-lifetime", "2h");
        return properties;
    }

    @Test
    void theClockSkewIsConfigurable() {
        Map<String, Object> claims = Jwts.standard(600);
        claims.put("nbf", Instant.now().plusSeconds(240).getEpochSecond());
        claims.put("iat", Instant.now().plusSeconds(240).getEpochSecond());
        assertThat(status(claims)).isEqualTo(200);
        claims.put("nbf", Instant.now().plusSeconds(360).getEpochSecond());
        assertThat(status(claims)).isEqualTo(401);
    }

    @Test
    void expiryMayBeOptional() {
        Map<String, Object> claims = Jwts.standard(600);
        claims.remove("exp");
        assertThat(status(claims)).isEqualTo(200);
    }

    @Test
    void theMaximumLifetimeIsConfigurable() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = Jwts.standard(0);
        claims.put("iat", now);
        claims.put("exp", now + 7200);
        assertThat(status(claims)).isEqualTo(200);
        claims.put("exp", now + 7201);
        HttpClientResponseException e = refused(claims);
        assertThat(e.getResponse().getHeaders().get("WWW-Authenticate")).isEqualTo("Bearer realm=\"quarry\","
                + " error=\"invalid_token\", error_description=\"the token is valid for 2 hours 1 second (exp - iat),"
                + " longer than the 2 hours allowed\"");
    }

    private int status(Map<String, Object> claims) {
        try {
            return client.toBlocking().exchange(request(claims)).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private HttpClientResponseException refused(Map<String, Object> claims) {
        try {
            client.toBlocking().exchange(request(claims));
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    private static HttpRequest<?> request(Map<String, Object> claims) {
        return HttpRequest.GET("/api/v1/model").bearerAuth(Jwts.hmac("HS256", TestDatabaseProperties.JWT_SECRET,
                Jwts.claims(claims)));
    }
}
