package io.quarry.api.saved;

import static io.quarry.api.saved.SavedReportCalls.BASE;
import static io.quarry.api.saved.SavedReportCalls.body;
import static io.quarry.api.saved.SavedReportCalls.cast;
import static io.quarry.api.saved.SavedReportCalls.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Running saved reports with parameter values and overrides: each run must answer exactly what
 * /reports/query answers for the same report written out by hand.
 */
@MicronautTest
class SavedReportRunTest extends ApiTest {

    static final String PARAMETERIZED = """
            PARAMETERS (from DATE, to DATE DEFAULT DATE '2026-06-14', status STRING DEFAULT 'ACTIVE')
            DIMENSIONS campaign.name
            METRICS spend, clicks
            WHERE date BETWEEN :from AND :to AND campaign.status = :status
            ORDER BY campaign.name""";

    SavedReportCalls calls;
    String token;
    String uri;

    @BeforeEach
    void setUp() {
        calls = new SavedReportCalls(client);
        token = token("runner", List.of(1L));
        uri = BASE + "/" + calls.create(token, body(unique("parameterized"), PARAMETERIZED)).get("id");
    }

    @Test
    void parametersAreDeclaredWithTypesAndDefaults() {
        List<Map<String, Object>> parameters = cast(calls.ok(HttpRequest.GET(uri).bearerAuth(token)).get("parameters"));
        assertThat(parameters).containsExactly(
                Map.of("name", "from", "type", "DATE", "required", true),
                Map.of("name", "to", "type", "DATE", "default", "DATE '2026-06-14'", "required", false),
                Map.of("name", "status", "type", "STRING", "default", "'ACTIVE'", "required", false));
    }

    @Test
    void aRunWithAParameterAnswersLikeTheSameReportWrittenOut() {
        Map<String, Object> run = calls.ok(HttpRequest.POST(uri + "/run", Map.of("parameters", Map.of("from", "2026-06-01")))
                .bearerAuth(token));
        Map<String, Object> direct = query("""
                DIMENSIONS campaign.name METRICS spend, clicks
                WHERE date BETWEEN DATE '2026-06-01' AND DATE '2026-06-14' AND campaign.status = 'ACTIVE'
                ORDER BY campaign.name""");
        assertThat((List<?>) run.get("rows")).isNotEmpty().isEqualTo(direct.get("rows"));
        assertThat(run.get("columns")).isEqualTo(direct.get("columns"));

        Map<String, Object> paused = calls.ok(HttpRequest.POST(uri + "/run", Map.of("parameters",
                Map.of("from", "2026-06-01", "to", "2026-06-07", "status", "PAUSED"))).bearerAuth(token));
        assertThat(paused.get("rows")).isEqualTo(query("""
                DIMENSIONS campaign.name METRICS spend, clicks
                WHERE date BETWEEN DATE '2026-06-01' AND DATE '2026-06-07' AND campaign.status = 'PAUSED'
                ORDER BY campaign.name""").get("rows"));
    }

    @Test
    void overridesReplaceTheDateRangeAddFiltersAndLimit() {
        Map<String, Object> run = calls.ok(HttpRequest.POST(uri + "/run", Map.of("parameters", Map.of("from", "2026-05-01"),
                "from", "2026-06-10", "to", "2026-06-12", "filters", List.of("ad.format IN ('VIDEO', 'IMAGE')"),
                "limit", 2)).bearerAuth(token));
        Map<String, Object> direct = query("""
                DIMENSIONS campaign.name METRICS spend, clicks
                WHERE campaign.status = 'ACTIVE' AND date BETWEEN DATE '2026-06-10' AND DATE '2026-06-12'
                  AND ad.format IN ('VIDEO', 'IMAGE')
                ORDER BY campaign.name LIMIT 2""");
        assertThat((List<?>) run.get("rows")).hasSize(2).isEqualTo(direct.get("rows"));
    }

    @Test
    void badValuesAndOverridesAre422AtTheirPlace() {
        Map<String, Object> missing = calls.problem(HttpRequest.POST(uri + "/run", Map.of()).bearerAuth(token), 422);
        assertThat(missing).containsEntry("code", "PARAMETER_MISSING");
        assertThat(error(missing)).containsEntry("pointer", "/parameters/from");
        Map<String, Object> type = calls.problem(HttpRequest.POST(uri + "/run", Map.of("parameters",
                Map.of("from", 20260601))).bearerAuth(token), 422);
        assertThat(type).containsEntry("code", "PARAMETER_TYPE");
        assertThat((String) type.get("detail")).contains("a date as \"YYYY-MM-DD\"");
        assertThat(calls.problem(HttpRequest.POST(uri + "/run", Map.of("parameters", Map.of("from", "2026-06-01",
                "form", "x"))).bearerAuth(token), 422)).containsEntry("code", "UNKNOWN_PARAMETER");
        Map<String, Object> filter = calls.problem(HttpRequest.POST(uri + "/run", Map.of("parameters",
                Map.of("from", "2026-06-01"), "filters", List.of("campaign.name =="))).bearerAuth(token), 422);
        assertThat(error(filter)).containsEntry("pointer", "/filters/0").containsEntry("line", 1);
        assertThat(calls.problem(HttpRequest.POST(uri + "/run", Map.of("parameters", Map.of("from", "2026-06-01"),
                "from", "2026-06-10")).bearerAuth(token), 422)).containsEntry("code", "DATE_RANGE");
        assertThat(calls.problem(HttpRequest.POST(uri + "/run", Map.of("parameters", Map.of("from", "2026-06-01"),
                "filters", List.of("campaign.nme = 'x'"))).bearerAuth(token), 422)).containsEntry("code", "UNKNOWN_FIELD");
    }

    @Test
    void aRunAnswersCsvAndAPivotReportAnswersAPivot() {
        String csv = client.toBlocking().retrieve(HttpRequest.POST(uri + "/run",
                Map.of("parameters", Map.of("from", "2026-06-01"))).accept(MediaType.TEXT_CSV_TYPE).bearerAuth(token));
        assertThat(csv.lines().findFirst()).hasValue("campaign.name,spend,clicks");
        assertThat(csv.lines().count()).isEqualTo(1 + ((List<?>) query("""
                DIMENSIONS campaign.name METRICS spend, clicks
                WHERE date BETWEEN DATE '2026-06-01' AND DATE '2026-06-14' AND campaign.status = 'ACTIVE'""")
                .get("rows")).size());

        String pivotUri = BASE + "/" + calls.create(token, body(unique("pivot"), """
                DIMENSIONS campaign.status, date.month METRICS spend
                WHERE date BETWEEN DATE '2026-05-01' AND DATE '2026-06-14'
                PIVOT BY date.month""")).get("id");
        Map<String, Object> pivot = calls.ok(HttpRequest.POST(pivotUri + "/run", Map.of()).bearerAuth(token));
        assertThat(pivot).containsKeys("rows", "columns", "grandTotal");
        assertThat((List<?>) pivot.get("columns")).hasSize(2);
    }

    private Map<String, Object> query(String text) {
        return calls.ok(HttpRequest.POST("/api/v1/reports/query", text).contentType(MediaType.TEXT_PLAIN_TYPE)
                .bearerAuth(token));
    }

    private static Map<String, Object> error(Map<String, Object> problem) {
        List<Map<String, Object>> errors = cast(problem.get("errors"));
        return errors.get(0);
    }
}
