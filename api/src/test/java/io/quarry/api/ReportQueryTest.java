package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.auth.Jwts;
import io.quarry.testdb.TestDatabase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/reports/query} through the real server on the test database. */
@MicronautTest
class ReportQueryTest extends ApiTest {

    static final String REPORT = """
            DIMENSIONS campaign.status
            METRICS spend, clicks, ctr
            WHERE date BETWEEN DATE '2026-06-01' AND DATE '2026-06-14'
            TOTALS GRAND
            """;

    @Test
    void textJsonAndWrappedTextGiveTheSameAnswerAndTheFiguresOfTheDatabase() throws Exception {
        String token = token(List.of(1L, 3L)); // both keep money in US dollars
        Map<String, Object> text = post(HttpRequest.POST("/api/v1/reports/query", REPORT)
                .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token));
        Map<String, Object> wrapped = post(HttpRequest.POST("/api/v1/reports/query", Map.of("query", REPORT))
                .bearerAuth(token));
        Map<String, Object> json = post(HttpRequest.POST("/api/v1/reports/query", """
                {"dimensions": ["campaign.status"], "metrics": ["spend", "clicks", "ctr"],
                 "where": ["date BETWEEN DATE '2026-06-01' AND DATE '2026-06-14'"], "totals": {"grand": true}}
                """).contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(token));
        assertThat(wrapped.get("rows")).isEqualTo(text.get("rows"));
        assertThat(json.get("rows")).isEqualTo(text.get("rows"));
        assertThat(json.get("totals")).isEqualTo(text.get("totals"));
        List<Map<String, Object>> columns = cast(text.get("columns"));
        assertThat(columns).extracting(c -> c.get("name")).containsExactly("campaign.status", "spend", "clicks", "ctr");
        assertThat(columns.get(3)).containsEntry("format", "percent").containsEntry("kind", "metric")
                .containsEntry("currency", null);
        assertThat(columns.get(1)).containsEntry("format", "currency").containsEntry("currency", "USD");
        List<Map<String, Object>> totals = cast(text.get("totals"));
        List<Object> grand = cast(totals.get(0).get("values"));
        assertThat(totals.get(0)).containsEntry("level", "grand");
        assertThat(new BigDecimal(grand.get(1).toString())).isEqualByComparingTo(spend("1, 3"));
        Map<String, Object> meta = cast(text.get("meta"));
        assertThat(meta).containsEntry("truncated", false);
    }

    @Test
    void everyAnswerCarriesARequestId() {
        HttpResponse<String> own = client.toBlocking().exchange(HttpRequest.POST("/api/v1/reports/query",
                "METRICS spend WHERE date DURING LAST_30_DAYS")
                .contentType(MediaType.TEXT_PLAIN_TYPE).header("X-Request-Id", "dash-42").bearerAuth(token(List.of(1L))),
                String.class);
        assertThat(own.getHeaders().get("X-Request-Id")).isEqualTo("dash-42");
        HttpClientResponseException e = error(HttpRequest.POST("/api/v1/reports/query", "METRICS spend")
                .contentType(MediaType.TEXT_PLAIN_TYPE).header("X-Request-Id", "bad id with spaces"));
        assertThat(e.getResponse().getHeaders().get("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void theTokenDecidesTheAccounts() throws Exception {
        Map<String, Object> one = post(HttpRequest.POST("/api/v1/reports/query", REPORT)
                .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token(List.of(1L))));
        List<Object> grand = cast(((Map<String, Object>) ((List<?>) one.get("totals")).get(0)).get("values"));
        assertThat(new BigDecimal(grand.get(1).toString())).isEqualByComparingTo(spend("1"));
    }

    @Test
    void anAccountOutsideTheTokenIs403WithItsLocation() {
        HttpClientResponseException e = error(HttpRequest.POST("/api/v1/reports/query",
                "METRICS spend ACCOUNTS (1, 3)").contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token(List.of(1L, 2L))));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
        Map<String, Object> problem = ReportQueryTest.problem(e);
        assertThat(problem).containsEntry("code", "ACCOUNT_NOT_PERMITTED").containsEntry("status", 403)
                .containsEntry("type", "urn:quarry:problem:account-not-permitted").containsEntry("line", 1)
                .containsEntry("column", 28);
    }

    @Test
    void aTokenWithoutAccountsMayReadNothing() {
        String token = tokens.generateToken(Map.of("sub", "nobody", "exp", Instant.now().plusSeconds(600).getEpochSecond()))
                .orElseThrow();
        HttpClientResponseException e = error(HttpRequest.POST("/api/v1/reports/query", "METRICS spend")
                .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
        assertThat(problem(e)).containsEntry("code", "NO_ACCOUNTS");
        HttpClientResponseException catalog = error(HttpRequest.GET("/api/v1/model").bearerAuth(token));
        assertThat(catalog.getStatus().getCode()).as("every endpoint").isEqualTo(HttpStatus.FORBIDDEN.getCode());
        assertThat(problem(catalog)).containsEntry("code", "NO_ACCOUNTS");
    }

    @Test
    void noTokenOrABadTokenIs401ProblemJson() {
        HttpClientResponseException none = error(HttpRequest.POST("/api/v1/reports/query", "METRICS spend")
                .contentType(MediaType.TEXT_PLAIN_TYPE));
        assertThat(none.getStatus().getCode()).isEqualTo(401);
        assertThat(problem(none)).containsEntry("code", "TOKEN_MISSING");
        assertThat(none.getResponse().getHeaders().get("WWW-Authenticate")).isEqualTo("Bearer realm=\"quarry\"");
        // The signature's first character changed: its bytes change whatever they were (unlike the
        // last character, whose low bits base64url ignores).
        String[] parts = token(List.of(1L)).split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
        HttpClientResponseException forged = error(HttpRequest.POST("/api/v1/reports/query", "METRICS spend")
                .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(tampered));
        assertThat(forged.getStatus().getCode()).isEqualTo(401);
        assertThat(problem(forged)).containsEntry("code", "TOKEN_BAD_SIGNATURE");
        assertThat(forged.getResponse().getHeaders().get("WWW-Authenticate")).startsWith(
                "Bearer realm=\"quarry\", error=\"invalid_token\", error_description=");
    }

    @Test
    void forgedTokensAre401() {
        String claims = Jwts.claims(Map.of("sub", "mallory", "accounts", List.of(1, 2, 3, 4, 5, 6, 7, 8),
                "exp", Instant.now().plusSeconds(600).getEpochSecond()));
        assertRefused(Jwts.unsigned(claims), "TOKEN_BAD_SIGNATURE");
        assertRefused(Jwts.hmac("HS256", "another-secret-0123456789-abcdefghijklmnopqrstuvwxyz", claims),
                "TOKEN_BAD_SIGNATURE");
        assertRefused(Jwts.hmac("HS256", TestDatabaseProperties.JWT_SECRET, Jwts.claims(Map.of("sub", "t",
                "accounts", List.of(1), "exp", Instant.now().minusSeconds(60).getEpochSecond()))), "TOKEN_EXPIRED");
        assertThat(token(List.of(1L))).as("issued tokens are signed").startsWith(Base64.getUrlEncoder()
                .withoutPadding().encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)));
    }

    private void assertRefused(String token, String code) {
        HttpClientResponseException e = error(HttpRequest.POST("/api/v1/reports/query", "METRICS spend")
                .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token));
        assertThat(e.getStatus().getCode()).isEqualTo(401);
        assertThat(problem(e)).containsEntry("code", code);
    }

    @Test
    void aSyntaxErrorIs400WithLineColumnAndExpectedTokens() {
        HttpClientResponseException e = error(HttpRequest.POST("/api/v1/reports/query", "DIMENSIONS campaign.name\nMETRICS spend BY")
                .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token(List.of(1L))));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(e.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString())
                .startsWith("application/problem+json"));
        Map<String, Object> problem = ReportQueryTest.problem(e);
        assertThat(problem).containsEntry("code", "SYNTAX_ERROR").containsEntry("line", 2).containsEntry("column", 15);
        assertThat((List<?>) problem.get("expected")).isNotEmpty();
        assertThat((String) problem.get("detail")).startsWith("line 2:15: unexpected 'BY'");
    }

    @Test
    void aJsonErrorCarriesItsPointer() {
        HttpClientResponseException e = error(HttpRequest.POST("/api/v1/reports/query",
                "{\"metrics\": [\"spend\"], \"where\": [\"date >= \"]}").contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(token(List.of(1L))));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(problem(e)).containsEntry("pointer", "/where/0");
    }

    @Test
    void anUnknownNameIs422WithSuggestions() {
        HttpClientResponseException e = error(HttpRequest.POST("/api/v1/reports/query", "METRICS spnd")
                .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token(List.of(1L))));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat(problem(e)).containsEntry("code", "UNKNOWN_FIELD").containsEntry("suggestions", List.of("spend"));
    }

    @Test
    void anUnknownRouteIs404ProblemJson() {
        HttpClientResponseException e = error(HttpRequest.GET("/api/v1/nothing").bearerAuth(token(List.of(1L))));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(problem(e)).containsEntry("status", 404).containsKey("type");
    }

    private String token(List<Long> accounts) {
        return token("tester", accounts);
    }

    private Map<String, Object> post(HttpRequest<?> request) {
        HttpResponse<Map<String, Object>> response = client.toBlocking().exchange(request,
                Argument.mapOf(String.class, Object.class));
        assertThat(response.code()).isEqualTo(200);
        return response.body();
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
        Map<String, Object> body = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
        return body;
    }

    private static BigDecimal spend(String accounts) throws Exception {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT sum(spend) FROM ad_stats_daily WHERE account_id IN ("
                     + accounts + ") AND day BETWEEN DATE '2026-06-01' AND DATE '2026-06-14'")) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
