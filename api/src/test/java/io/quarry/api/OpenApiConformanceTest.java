package io.quarry.api;

import static io.quarry.api.OpenApiCall.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.quarry.api.reports.CallerLimiter;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The served OpenAPI document against real answers: every endpoint is called over HTTP for its
 * successes and its typical refusals (the table below), and each answer's status must be one the
 * document declares for that operation, its Content-Type one declared for that status, and its
 * body valid by the declared schema (a JSON-schema validator, OpenAPI 3.0 dialect). Request
 * bodies of the successful calls must be valid by the declared request schemas too.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiConformanceTest implements TestPropertyProvider {

    private static final String TEXT = "text/plain";
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";
    private static final String NDJSON = "application/x-ndjson";
    private static final String QUERY = "/api/v1/reports/query";
    private static final String SAVED = "/api/v1/saved-reports";
    private static final String EVENTS = "/api/v1/ingest/events";
    private static final String RANGE = " WHERE date BETWEEN DATE '2026-06-01' AND DATE '2026-06-14'";
    private static final String REPORT = "DIMENSIONS campaign.name METRICS spend, clicks" + RANGE
            + " ORDER BY spend DESC LIMIT 5";
    private static final String PIVOT = "DIMENSIONS campaign.status, date.month METRICS spend, clicks"
            + " WHERE date BETWEEN DATE '2026-05-01' AND DATE '2026-06-14' PIVOT BY date.month";
    private static final String REPORT_JSON = "{\"dimensions\": [\"campaign.name\"], \"metrics\": [\"spend\","
            + " {\"expression\": \"sum(clicks)\", \"as\": \"all_clicks\"}], \"where\": [\"" + RANGE.substring(7)
            + "\"], \"orderBy\": [{\"expression\": \"spend\", \"direction\": \"DESC\"}], \"limit\": 5,"
            + " \"totals\": {\"grand\": true}}";
    private static final long INGEST_ACCOUNT = 9_300_001L;

    @Inject
    EmbeddedServer server;
    @Inject
    TokenGenerator tokens;
    @Inject
    CallerLimiter limiter;

    OpenApiDocument document;
    String reader;
    String writer;
    String noAccounts;
    String busy;
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> saved = new HashMap<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabaseProperties.get());
        properties.put("quarry.ingest.max-body-bytes", "4KB");
        properties.put("quarry.ingest.max-concurrent-per-caller", "1");
        return properties;
    }

    @BeforeAll
    void documentTokensAndSavedReports() throws Exception {
        TestDatabaseProperties.ensureDemoData();
        OpenApiCall.Answer yaml = call("the document").get("/swagger/quarry-v1.yml").send(server.getURL());
        assertThat(yaml.status()).isEqualTo(200);
        document = new OpenApiDocument(yaml.body());
        reader = token("openapi-reader", List.of(1L, 3L), "read"); // both keep money in US dollars
        writer = token("openapi-writer", List.of(INGEST_ACCOUNT), "read ingest");
        noAccounts = token("openapi-nobody", List.of(), "read");
        busy = token("openapi-busy", List.of(1L, INGEST_ACCOUNT), "read ingest");
        for (String fixture : List.of("read", "pivot", "update", "delete", "restore")) {
            String definition = fixture.equals("pivot") ? PIVOT : REPORT;
            OpenApiCall.Answer created = call("fixture " + fixture).post(SAVED, JSON, saveBody(name(fixture),
                    definition, null)).token(reader).send(server.getURL());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            saved.put(fixture, created.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1"));
        }
    }

    List<OpenApiCall> table() {
        String read = SAVED + "/" + saved.get("read");
        String unknown = SAVED + "/" + UUID.randomUUID();
        String event = "{\"account_id\": " + INGEST_ACCOUNT + ", \"event_id\": " + System.nanoTime()
                + ", \"created_at\": \"2026-06-01T10:00:00Z\", \"name\": \"sign_up\"}\n";
        return List.of(
                call("query, text form").post(QUERY, TEXT, REPORT).token(reader).expect(200),
                call("query, JSON form").post(QUERY, JSON, REPORT_JSON).token(reader).expect(200),
                call("query, text form in JSON").post(QUERY, JSON, "{\"query\": \"" + REPORT + "\"}").token(reader)
                        .expect(200),
                call("query as CSV").post(QUERY, TEXT, REPORT).accept(CSV).token(reader).expect(200),
                call("query as NDJSON").post(QUERY, TEXT, REPORT).accept(NDJSON).token(reader).expect(200),
                call("query that does not parse").post(QUERY, TEXT, "DIMENSIONS METRICS").token(reader).expect(400),
                call("query without a token").post(QUERY, TEXT, REPORT).expect(401),
                call("query with a refused token").post(QUERY, TEXT, REPORT).token("not.a.jwt").expect(401),
                call("query by a token without accounts").post(QUERY, TEXT, REPORT).token(noAccounts).expect(403),
                call("query of another account").post(QUERY, TEXT, REPORT + " ACCOUNTS (99)").token(reader)
                        .expect(403),
                call("query over 1MB").post(QUERY, TEXT, REPORT + " ".repeat(1_100_000)).token(reader).expect(413),
                call("query as XML").post(QUERY, "application/xml", "<report/>").token(reader).expect(415),
                call("query of an unknown metric").post(QUERY, TEXT, "METRICS spnd" + RANGE).token(reader)
                        .expect(422),
                call("query while the caller runs its limit").post(QUERY, TEXT, REPORT).token(busy)
                        .holding(this::reportPermits).expect(429),
                call("pivot").post("/api/v1/reports/pivot", TEXT, PIVOT).token(reader).expect(200),
                call("pivot as CSV").post("/api/v1/reports/pivot", TEXT, PIVOT).accept(CSV).token(reader).expect(200),
                call("pivot as NDJSON").post("/api/v1/reports/pivot", TEXT, PIVOT).accept(NDJSON).token(reader)
                        .expect(406),
                call("query as XML answer").post(QUERY, TEXT, REPORT).accept("application/xml").token(reader)
                        .expect(406),
                call("pivot, JSON form").post("/api/v1/reports/pivot", JSON, "{\"dimensions\": [\"campaign.status\","
                        + " \"date.month\"],"
                        + " \"metrics\": [\"spend\"], \"where\": \"" + RANGE.substring(7) + "\", \"pivotBy\":"
                        + " [\"date.month\"]}").token(reader).expect(200),
                call("pivot of an unknown dimension").post("/api/v1/reports/pivot", TEXT, "DIMENSIONS nope METRICS"
                        + " spend" + RANGE + " PIVOT BY date.month").token(reader).expect(422),
                call("explain").post("/api/v1/reports/explain", TEXT, REPORT).token(reader).expect(200),
                call("explain that does not parse").post("/api/v1/reports/explain", JSON, "{\"metrics\": 5}")
                        .token(reader).expect(400),
                call("model").get("/api/v1/model").token(reader).expect(200),
                call("model without a token").get("/api/v1/model").expect(401),
                call("values").get("/api/v1/model/dimensions/campaign.status/values?limit=2").token(reader)
                        .expect(200),
                call("values, searched").get("/api/v1/model/dimensions/campaign.name/values?search=a").token(reader)
                        .expect(200),
                call("values with limit 0").get("/api/v1/model/dimensions/campaign.status/values?limit=0")
                        .token(reader).expect(400),
                call("values of an unknown dimension").get("/api/v1/model/dimensions/nope/values").token(reader)
                        .expect(422),
                call("values while the caller runs its limit").get("/api/v1/model/dimensions/campaign.status/values")
                        .token(busy).holding(this::reportPermits).expect(429),
                call("saved: create").post(SAVED, JSON, saveBody("openapi created " + UUID.randomUUID(), REPORT_JSON,
                        null)).token(reader).expect(201),
                call("saved: create, not JSON").post(SAVED, JSON, "{\"name\": ").token(reader).expect(400),
                call("saved: create without a name").post(SAVED, JSON, "{\"definition\": \"METRICS spend\"}")
                        .token(reader).expect(400),
                call("saved: create, a name taken").post(SAVED, JSON, saveBody(name("read"), REPORT, null))
                        .token(reader).expect(409),
                call("saved: create over 1MB").post(SAVED, JSON, saveBody("big", REPORT + " ".repeat(1_100_000), null))
                        .token(reader).expect(413),
                call("saved: create as text").post(SAVED, TEXT, REPORT).token(reader).expect(415),
                call("saved: create, invalid definition").post(SAVED, JSON, saveBody("openapi bad " + UUID.randomUUID(),
                        "METRICS nope" + RANGE, null)).token(reader).expect(422),
                call("saved: list").get(SAVED + "?limit=5").token(reader).expect(200),
                call("saved: list with limit 0").get(SAVED + "?limit=0").token(reader).expect(400),
                call("saved: list without a token").get(SAVED).expect(401),
                call("saved: list by a token without accounts").get(SAVED).token(noAccounts).expect(403),
                call("saved: get").get(read).token(reader).expect(200),
                call("saved: get an unknown report").get(unknown).token(reader).expect(404),
                call("saved: update").put(SAVED + "/" + saved.get("update"), JSON, saveBody(name("update") + " v2",
                        REPORT, 1)).token(reader).expect(200),
                call("saved: update with a bad If-Match").put(read, JSON, saveBody(name("read"), REPORT, null))
                        .header("If-Match", "nope").token(reader).expect(400),
                call("saved: update an unknown report").put(unknown, JSON, saveBody("x", REPORT, 1)).token(reader)
                        .expect(404),
                call("saved: update an old version").put(read, JSON, saveBody(name("read"), REPORT, 99)).token(reader)
                        .expect(409),
                call("saved: update, invalid definition").put(read, JSON, saveBody(name("read"), "METRICS nope" + RANGE,
                        1)).token(reader).expect(422),
                call("saved: update naming no version").put(read, JSON, saveBody(name("read"), REPORT, null))
                        .token(reader).expect(428),
                call("saved: delete").delete(SAVED + "/" + saved.get("delete")).token(reader).expect(204),
                call("saved: delete an unknown report").delete(unknown).token(reader).expect(404),
                call("saved: delete an old version").delete(read).header("If-Match", "\"99\"").token(reader)
                        .expect(409),
                call("saved: versions").get(read + "/versions").token(reader).expect(200),
                call("saved: versions of an unknown report").get(unknown + "/versions").token(reader).expect(404),
                call("saved: one version").get(read + "/versions/1").token(reader).expect(200),
                call("saved: an unknown version").get(read + "/versions/9").token(reader).expect(404),
                call("saved: restore").post(SAVED + "/" + saved.get("restore") + "/versions/1/restore", null, null)
                        .header("If-Match", "\"1\"").token(reader).expect(200),
                call("saved: restore over an old version").post(read + "/versions/1/restore", null, null)
                        .header("If-Match", "\"99\"").token(reader).expect(409),
                call("saved: run").post(read + "/run", JSON, "{}").token(reader).expect(200),
                call("saved: run with overrides").post(read + "/run", JSON, "{\"from\": \"2026-06-10\", \"to\":"
                        + " \"2026-06-14\", \"filters\": [\"campaign.status = 'ACTIVE'\"], \"limit\": 3}")
                        .token(reader).expect(200),
                call("saved: run as CSV").post(read + "/run", JSON, "{}").accept(CSV).token(reader).expect(200),
                call("saved: run as NDJSON").post(read + "/run", JSON, "{}").accept(NDJSON).token(reader).expect(200),
                call("saved: run a pivot").post(SAVED + "/" + saved.get("pivot") + "/run", JSON, "{}").token(reader)
                        .expect(200),
                call("saved: run as XML").post(SAVED + "/" + saved.get("read") + "/run", JSON, "{}")
                        .accept("application/xml").token(reader).expect(406),
                call("saved: run, not JSON").post(read + "/run", JSON, "{\"from\": ").token(reader).expect(400),
                call("saved: run an unknown report").post(unknown + "/run", JSON, "{}").token(reader).expect(404),
                call("saved: run with a bad filter").post(read + "/run", JSON, "{\"filters\": [\"spend >\"]}")
                        .token(reader).expect(422),
                call("saved: run while the caller runs its limit").post(read + "/run", JSON, "{}").token(busy)
                        .holding(this::reportPermits).expect(429),
                call("ingest: events").post(EVENTS, NDJSON, event).token(writer).expect(200),
                call("ingest: ad stats").post("/api/v1/ingest/ad-stats", CSV, "account_id,ad_id,day,ad_set_id,"
                        + "campaign_id,impressions,clicks,spend\n" + INGEST_ACCOUNT + ",1,2026-06-01,1,1,100,2,1.5\n")
                        .token(writer).expect(200),
                call("ingest: a bad Idempotency-Key").post(EVENTS, NDJSON, event).header("Idempotency-Key", "a b")
                        .token(writer).expect(400),
                call("ingest without a token").post(EVENTS, NDJSON, event).expect(401),
                call("ingest without the permission").post(EVENTS, NDJSON, event).token(reader).expect(403),
                call("ingest into another account").post(EVENTS, NDJSON, event.replace(
                        String.valueOf(INGEST_ACCOUNT), "9300002")).token(writer).expect(403),
                call("ingest over the body limit").post(EVENTS, NDJSON, event.repeat(60)).token(writer).expect(413),
                call("ingest as JSON").post(EVENTS, JSON, event).token(writer).expect(415),
                call("ingest in Latin-1").post(EVENTS, NDJSON + "; charset=ISO-8859-1", event).token(writer)
                        .expect(415),
                call("ingest invalid rows").post(EVENTS, NDJSON, "{\"account_id\": " + INGEST_ACCOUNT + "}\n")
                        .token(writer).expect(422),
                call("ingest while the caller sends a batch").post(EVENTS, NDJSON, event).token(busy)
                        .holding(() -> OpenApiCall.heldIngestBatch(server.getURL(), busy,
                                INGEST_ACCOUNT)).expect(429));
    }

    @TestFactory
    Stream<DynamicTest> everyAnswerIsOneTheDocumentDeclares() {
        return table().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            String template = document.template(c.route()).orElseThrow(() -> new AssertionError(
                    "no path of the document matches " + c.route()));
            OpenApiCall.Answer answer = c.send(server.getURL());
            assertThat(answer.status()).as("%s: %s", c, answer.body()).isEqualTo(c.status);
            assertThat(document.answerViolations(c.method, template, answer.status(), answer.contentType(),
                    answer.body())).as("%s answered %s %s", c, answer.contentType(), answer.body()).isEmpty();
            if (c.status < 300 && c.body != null) {
                assertThat(document.requestViolations(c.method, template, c.contentType, c.body)).as("%s", c)
                        .isEmpty();
            }
        }));
    }

    @Test
    void everyOperationOfTheDocumentIsCalledForItsSuccess() {
        Set<String> called = table().stream().filter(c -> c.status < 300).map(c -> c.method + " "
                + document.template(c.route()).orElse(c.route())).collect(Collectors.toSet());
        assertThat(document.operations()).isNotEmpty();
        assertThat(document.operations()).as("operations without a successful call in the table")
                .allMatch(called::contains);
    }

    @Test
    void theValidatorRefusesAnswersOffTheirSchema() {
        String ok = "/paths/~1api~1v1~1model/get/responses/200/content/application~1json/schema";
        assertThat(document.validate(ok, "{\"datasets\": [], \"dimensions\": [], \"metrics\": []}", JSON))
                .isEmpty();
        assertThat(document.validate(ok, "{\"datasets\": 5, \"dimensions\": []}", JSON)).hasSize(2);
        assertThat(document.answerViolations("GET", "/api/v1/model", 418, JSON, "{}")).singleElement()
                .asString().contains("status 418 is not documented");
    }

    private String name(String fixture) {
        return "openapi " + fixture + " " + run;
    }

    private static String saveBody(String name, String definition, Integer version) {
        String quoted = definition.startsWith("{") ? definition : "\"" + definition.replace("\"", "\\\"") + "\"";
        return "{\"name\": \"" + name + "\", \"account\": 1, \"definition\": " + quoted
                + (version == null ? "" : ", \"version\": " + version) + "}";
    }

    private String token(String subject, List<Long> accounts, String scope) {
        return tokens.generateToken(Map.of("sub", subject, "accounts", accounts, "scope", scope,
                "exp", Instant.now().plusSeconds(600).getEpochSecond())).orElseThrow();
    }

    /** Every report permit of the busy caller, held. */
    private AutoCloseable reportPermits() {
        List<CallerLimiter.Permit> permits = new ArrayList<>();
        try {
            while (true) {
                permits.add(limiter.acquire("openapi-busy"));
            }
        } catch (CallerLimiter.TooManyReportsException full) {
            return () -> permits.forEach(CallerLimiter.Permit::close);
        }
    }
}
