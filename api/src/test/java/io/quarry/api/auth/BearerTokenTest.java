package io.quarry.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.api.TestDatabaseProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the real server does with every kind of bearer token, forged or odd: the exact status,
 * problem code, description and RFC 6750 challenge of each refusal, the edges of the time rules
 * (default clock skew 60 s, lifetime 24 h, exp required), and the accounts claim.
 */
@MicronautTest
class BearerTokenTest extends ApiTest {

    static final String SECRET = TestDatabaseProperties.JWT_SECRET;
    static final String REALM = "Bearer realm=\"quarry\"";

    // --- no token, not a token

    @Test
    void noTokenIsTokenMissingWithAPlainBearerChallenge() {
        HttpClientResponseException e = error(HttpRequest.GET("/api/v1/model"));
        assertProblem(e, TokenFailure.MISSING, "the request has no bearer token (Authorization: Bearer ...)");
        assertThat(e.getResponse().getHeaders().getAll("WWW-Authenticate")).containsExactly(REALM);
        assertThat(problem(e)).containsEntry("title", "A bearer token is required");
    }

    @Test
    void basicCredentialsAreNoBearerToken() {
        HttpClientResponseException e = error(HttpRequest.GET("/api/v1/model").basicAuth("demo", "demo"));
        assertProblem(e, TokenFailure.MISSING, "the request has no bearer token (Authorization: Bearer ...)");
        assertThat(e.getResponse().getHeaders().getAll("WWW-Authenticate")).containsExactly(REALM);
    }

    @Test
    void aBrowserWithoutATokenGetsThe401TooNotARedirect() {
        HttpClientResponseException e = error(HttpRequest.GET("/api/v1/model")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        assertProblem(e, TokenFailure.MISSING, "the request has no bearer token (Authorization: Bearer ...)");
    }

    @Test
    void garbageIsMalformed() {
        assertRefused("garbage", TokenFailure.MALFORMED,
                "the bearer token is not a JWT (three base64url parts, the first a JSON header)");
        assertRefused("a.b.c", TokenFailure.MALFORMED,
                "the bearer token is not a JWT (three base64url parts, the first a JSON header)");
    }

    @Test
    void claimsThatAreNotJsonOrHaveATimeClaimOfTheWrongTypeAreMalformed() {
        String description = "the token's claims are not a JSON object, or a registered claim (exp, nbf, iat, iss,"
                + " sub, aud) has the wrong type";
        assertRefused(Jwts.hs256Raw(SECRET, "not json"), TokenFailure.MALFORMED, description);
        Map<String, Object> claims = Jwts.standard(600);
        claims.put("exp", "tomorrow");
        assertRefused(hs256(claims), TokenFailure.MALFORMED, description);
    }

    // --- signatures and algorithms

    @Test
    void anUnsignedTokenIsRefused() {
        assertRefused(Jwts.unsigned(Jwts.claims(Jwts.standard(600))), TokenFailure.BAD_SIGNATURE,
                "the token is unsigned (alg none)");
    }

    @Test
    void hs384AndHs512WithTheServersOwnSecretAreRefused() {
        String claims = Jwts.claims(Jwts.standard(600));
        assertRefused(Jwts.hmac("HS384", SECRET, claims), TokenFailure.BAD_SIGNATURE,
                "the token is signed with HS384; only HS256 is accepted");
        assertRefused(Jwts.hmac("HS512", SECRET, claims), TokenFailure.BAD_SIGNATURE,
                "the token is signed with HS512; only HS256 is accepted");
        assertAccepted(Jwts.hmac("HS256", SECRET, claims));
    }

    @Test
    void anotherSecretOrATamperedTokenIsABadSignature() {
        String claims = Jwts.claims(Jwts.standard(600));
        assertRefused(Jwts.hmac("HS256", "another-secret-0123456789-abcdefghijklmnopqrstuvwxyz", claims),
                TokenFailure.BAD_SIGNATURE, "the token's signature (HS256) does not verify");
        String genuine = token("tester", List.of(1L));
        String[] parts = genuine.split("\\.");
        String widened = Jwts.hmac("HS256", SECRET, Jwts.claims(Map.of("sub", "tester", "accounts", List.of(1, 2, 3),
                "exp", Instant.now().plusSeconds(600).getEpochSecond()))).split("\\.")[1];
        assertRefused(parts[0] + "." + widened + "." + parts[2], TokenFailure.BAD_SIGNATURE,
                "the token's signature (HS256) does not verify");
    }

    // --- time claims

    @Test
    void anExpiredTokenSaysWhenItExpired() {
        long exp = Instant.now().minusSeconds(5).getEpochSecond();
        Map<String, Object> claims = Jwts.standard(0);
        claims.put("exp", exp);
        assertRefused(hs256(claims), TokenFailure.EXPIRED,
                "the token expired at " + Instant.ofEpochSecond(exp) + " (exp)");
    }

    @Test
    void aNotBeforeInTheFutureIsRefusedBeyondTheClockSkewOnly() {
        assertRefusedBeyondTheClockSkewOnly("nbf", "the token is not valid before %s (nbf)");
    }

    @Test
    void anIssuedAtInTheFutureIsRefusedBeyondTheClockSkewOnly() {
        assertRefusedBeyondTheClockSkewOnly("iat", "the token was issued in the future, at %s (iat)");
    }

    /** {@code claim} two minutes ahead is refused, half a minute ahead (within the 60 s skew) accepted. */
    private void assertRefusedBeyondTheClockSkewOnly(String claim, String description) {
        long ahead = Instant.now().plusSeconds(120).getEpochSecond();
        Map<String, Object> claims = Jwts.standard(600);
        claims.put(claim, ahead);
        assertRefused(hs256(claims), TokenFailure.NOT_YET_VALID,
                description.formatted(Instant.ofEpochSecond(ahead)));
        claims.put(claim, Instant.now().plusSeconds(30).getEpochSecond());
        assertAccepted(hs256(claims));
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertRefusedWithout("exp", "the token has no expiry time (exp)");
    }

    @Test
    void aLifetimeOverTwentyFourHoursIsRefused() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = Jwts.standard(0);
        claims.put("iat", now);
        claims.put("exp", now + 25 * 3600);
        assertRefused(hs256(claims), TokenFailure.INVALID_CLAIMS,
                "the token is valid for 25 hours (exp - iat), longer than the 24 hours allowed");
        claims.put("exp", now + 24 * 3600);
        assertAccepted(hs256(claims));
    }

    @Test
    void withoutIssuedAtTheLifetimeCountsFromNow() {
        Map<String, Object> claims = Jwts.standard(25 * 3600);
        HttpClientResponseException e = error(model(hs256(claims)));
        assertThat(e.getStatus().getCode()).isEqualTo(401);
        assertThat(problem(e)).containsEntry("code", TokenFailure.INVALID_CLAIMS);
        assertThat((String) problem(e).get("detail")).matches(
                "the token is valid for 2[45] hours( [0-9]+ minutes?)?( [0-9]+ seconds?)? \\(exp - now\\), longer than"
                        + " the 24 hours allowed");
        assertAccepted(Jwts.hmac("HS256", SECRET, Jwts.claims(Jwts.standard(23 * 3600))));
    }

    @Test
    void aTokenWithoutSubjectIsAClaimProblemNotASignatureOne() {
        assertRefusedWithout("sub", "the token has no subject (sub)");
    }

    private void assertRefusedWithout(String claim, String description) {
        Map<String, Object> claims = Jwts.standard(600);
        claims.remove(claim);
        assertRefused(hs256(claims), TokenFailure.INVALID_CLAIMS, description);
    }

    // --- the accounts claim

    @Test
    void accountIdsAsNumericStringsAreAccepted() {
        Map<String, Object> claims = Jwts.standard(600);
        claims.put("accounts", List.of("3", "5"));
        Map<String, Object> answer = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/reports/query",
                        "DIMENSIONS account.id METRICS spend WHERE date BETWEEN DATE '2026-06-01' AND DATE '2026-06-14'"
                                + " CURRENCY 'USD'")
                .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(hs256(claims)),
                Argument.mapOf(String.class, Object.class));
        @SuppressWarnings("unchecked")
        List<List<Object>> rows = (List<List<Object>>) answer.get("rows");
        assertThat(rows).extracting(row -> ((Number) row.get(0)).longValue()).containsExactlyInAnyOrder(3L, 5L);
    }

    @Test
    void aBadAccountsClaimIs403NoAccountsWithTheReason() {
        assertNoAccounts(List.of("three"), "the token's \"accounts\" claim holds \"three\", which is not an account id"
                + " (a whole number)");
        assertNoAccounts(List.of(1.5), "the token's \"accounts\" claim holds 1.5, which is not an account id"
                + " (a whole number)");
        assertNoAccounts(List.of(), "the token's \"accounts\" claim names no account");
        assertNoAccounts("3", "the token's \"accounts\" claim names no account");
    }

    private void assertNoAccounts(Object accounts, String detail) {
        Map<String, Object> claims = Jwts.standard(600);
        claims.put("accounts", accounts);
        HttpClientResponseException e = error(HttpRequest.POST("/api/v1/reports/query", "METRICS spend")
                .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(hs256(claims)));
        assertThat(e.getStatus().getCode()).isEqualTo(403);
        assertThat(e.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString())
                .startsWith("application/problem+json"));
        assertThat(problem(e)).containsEntry("code", "NO_ACCOUNTS").containsEntry("status", 403)
                .containsEntry("detail", detail);
        assertThat(e.getResponse().getHeaders().contains("WWW-Authenticate")).isFalse();
    }

    // --- helpers

    private void assertRefused(String token, String code, String description) {
        HttpClientResponseException e = error(model(token));
        assertProblem(e, code, description);
        assertThat(problem(e)).containsEntry("title", "The bearer token is not accepted");
        assertThat(e.getResponse().getHeaders().getAll("WWW-Authenticate")).containsExactly(REALM
                + ", error=\"invalid_token\", error_description=\"" + description.replace('"', '\'') + "\"");
    }

    private static void assertProblem(HttpClientResponseException e, String code, String description) {
        assertThat(e.getStatus().getCode()).isEqualTo(401);
        assertThat(e.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString())
                .startsWith("application/problem+json"));
        assertThat(problem(e)).containsEntry("status", 401).containsEntry("code", code)
                .containsEntry("detail", description)
                .containsEntry("type", "urn:quarry:problem:" + code.toLowerCase().replace('_', '-'));
    }

    private void assertAccepted(String token) {
        HttpResponse<Map<String, Object>> response = client.toBlocking().exchange(model(token),
                Argument.mapOf(String.class, Object.class));
        assertThat(response.code()).isEqualTo(200);
    }

    private static String hs256(Map<String, Object> claims) {
        return Jwts.hmac("HS256", SECRET, Jwts.claims(claims));
    }

    private static MutableHttpRequest<?> model(String token) {
        return HttpRequest.GET("/api/v1/model").bearerAuth(token);
    }

    private HttpClientResponseException error(HttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, Argument.mapOf(String.class, Object.class));
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected an error response");
    }

    private static Map<String, Object> problem(HttpClientResponseException e) {
        return e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
    }
}
