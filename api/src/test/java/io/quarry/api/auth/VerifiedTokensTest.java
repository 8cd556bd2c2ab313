package io.quarry.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.api.TestDatabaseProperties;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Recently verified tokens are answered from memory, but never past their expiry, and a token
 * differing in one byte is verified (and refused) on its own.
 */
@MicronautTest
class VerifiedTokensTest extends ApiTest {

    private static final String SECRET = TestDatabaseProperties.JWT_SECRET;

    @Inject
    MeterRegistry registry;

    @Test
    void theSameTokenAgainIsAnsweredFromMemory() {
        String token = unique(600);
        double before = remembered();
        model(token, 200);
        model(token, 200);
        model(token, 200);
        assertThat(remembered() - before).isEqualTo(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws Exception {
        // Lives 6 s (whole seconds: at least 5) so that two calls fit on a loaded machine; then wait past exp.
        String token = unique(6);
        long expires = Instant.now().plusSeconds(6).getEpochSecond();
        model(token, 200);
        model(token, 200);
        Thread.sleep(Math.max(0, (expires + 1) * 1000 - System.currentTimeMillis()));
        assertThat(error(HttpRequest.GET("/api/v1/model").bearerAuth(token), 401)).contains("TOKEN_EXPIRED");
    }

    @Test
    void aTokenChangedInOneByteIsVerifiedOnItsOwn() {
        String token = unique(600);
        model(token, 200);
        char last = token.charAt(token.length() - 2);
        String forged = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertThat(error(HttpRequest.GET("/api/v1/model").bearerAuth(forged), 401)).contains("BAD_SIGNATURE");
        model(token, 200);
    }

    /** A token no other test sends (tests in the same second would otherwise sign identical claims). */
    private static String unique(long seconds) {
        Map<String, Object> claims = Jwts.standard(seconds);
        claims.put("jti", UUID.randomUUID().toString());
        return Jwts.hmac("HS256", SECRET, Jwts.claims(claims));
    }

    private void model(String token, int status) {
        assertThat(client.toBlocking().exchange(HttpRequest.GET("/api/v1/model").bearerAuth(token), Map.class).code())
                .isEqualTo(status);
    }

    private double remembered() {
        return registry.counter("quarry.tokens.remembered").count();
    }
}
