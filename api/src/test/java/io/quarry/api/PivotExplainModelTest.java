package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /reports/pivot}, {@code /reports/explain} and {@code /model} through the real server. */
@MicronautTest
class PivotExplainModelTest extends ApiTest {

    @Inject
    JsonMapper jsonMapper;

    static final String PIVOT = """
            DIMENSIONS campaign.status, date.month
            METRICS spend, ctr
            WHERE date BETWEEN DATE '2026-04-16' AND DATE '2026-06-14'
            PIVOT BY date.month
            """;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabaseProperties.get());
        properties.put("quarry.execution.max-pivot-columns", "3");
        return properties;
    }

    @Test
    @SuppressWarnings("unchecked")
    void pivotOfSpendByStatusAndMonthWithTotals() {
        Map<String, Object> pivot = post("/api/v1/reports/pivot", PIVOT);
        assertThat((List<Map<String, Object>>) pivot.get("rowDimensions")).extracting(d -> d.get("name"))
                .containsExactly("campaign.status");
        assertThat((List<Map<String, Object>>) pivot.get("columnDimensions")).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("name", "date.month").containsEntry("grain", "month"));
        assertThat((List<Map<String, Object>>) pivot.get("metrics")).extracting(m -> m.get("currency"))
                .containsExactly("USD", null);
        assertThat((List<List<String>>) pivot.get("columnLabels")).contains(List.of("2026-05"));
        List<List<Object>> columns = (List<List<Object>>) pivot.get("columns");
        assertThat(columns).hasSize(3);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) pivot.get("rows");
        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat((List<Object>) row.get("cells")).hasSize(3);
            assertThat((List<Object>) row.get("total")).hasSize(2);
        });
        assertThat((List<Object>) pivot.get("grandTotal")).hasSize(2).doesNotContainNull();
        assertThat((List<Object>) pivot.get("columnTotals")).hasSize(3);
    }

    @Test
    void pivotAsWideCsv() {
        String csv = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/reports/pivot", PIVOT)
                .contentType(MediaType.TEXT_PLAIN_TYPE).accept(MediaType.TEXT_CSV).bearerAuth(token()), String.class);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("campaign.status,2026-04-01 spend,2026-04-01 ctr,2026-05-01 spend,"
                + "2026-05-01 ctr,2026-06-01 spend,2026-06-01 ctr,total spend,total ctr");
        assertThat(lines.get(lines.size() - 1)).startsWith("total,");
        assertThat(lines).hasSizeGreaterThan(2);
    }

    @Test
    void aPivotWiderThanTheCapIs422() {
        try {
            post("/api/v1/reports/pivot", PIVOT.replace("date.month", "date.week"));
            throw new AssertionError("expected 422");
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(422);
            Map<String, Object> problem = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
            assertThat(problem).containsEntry("code", "PIVOT_TOO_WIDE");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void explainShowsTheSqlItsParametersThePlanAndTheDatabasePlan() {
        Map<String, Object> explain = post("/api/v1/reports/explain", "METRICS spend WHERE date DURING LAST_7_DAYS");
        assertThat((String) explain.get("sql")).contains("\"ad_stats\".\"account_id\" = ANY(?::bigint[])");
        assertThat((List<String>) explain.get("parameters")).contains("'{1,3}'::bigint[]");
        assertThat((List<Object>) explain.get("steps")).isNotEmpty();
        assertThat((List<String>) explain.get("databasePlan")).isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void explainGivesTheReportsTextAndJsonFormsAndTheJsonFormRunsToTheSameAnswer() throws Exception {
        String typed = "dimensions campaign.status metrics spend,clicks where date between date '2026-05-01' and"
                + " date '2026-05-31' order by clicks desc";
        Map<String, Object> explain = post("/api/v1/reports/explain", typed);
        assertThat((String) explain.get("text")).isEqualTo("""
                DIMENSIONS campaign.status
                METRICS spend, clicks
                WHERE date BETWEEN DATE '2026-05-01' AND DATE '2026-05-31'
                ORDER BY clicks DESC
                """);
        Map<String, Object> report = (Map<String, Object>) explain.get("report");
        assertThat((List<Object>) report.get("metrics")).hasSize(2);
        String json = jsonMapper.writeValueAsString(report);
        Map<String, Object> fromJson = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/reports/query", json)
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(token()),
                Argument.mapOf(String.class, Object.class));
        Map<String, Object> fromText = post("/api/v1/reports/query", typed);
        assertThat((List<Object>) fromJson.get("rows")).isNotEmpty().isEqualTo(fromText.get("rows"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theModelCatalogListsDimensionsMetricsAndGrains() {
        Map<String, Object> model = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/model").bearerAuth(token()),
                Argument.mapOf(String.class, Object.class));
        List<Map<String, Object>> dimensions = (List<Map<String, Object>>) model.get("dimensions");
        assertThat(dimensions).anySatisfy(d -> {
            assertThat(d.get("name")).isEqualTo("date");
            assertThat((List<String>) d.get("grains")).contains("month", "week");
        });
        List<Map<String, Object>> metrics = (List<Map<String, Object>>) model.get("metrics");
        assertThat(metrics).anySatisfy(m -> assertThat(m).containsEntry("name", "ctr").containsEntry("format", "percent")
                .containsEntry("derived", true));
    }

    private Map<String, Object> post(String uri, String report) {
        return client.toBlocking().retrieve(HttpRequest.POST(uri, report).contentType(MediaType.TEXT_PLAIN_TYPE)
                .bearerAuth(token()), Argument.mapOf(String.class, Object.class));
    }

    private String token() {
        return token("tester", List.of(1L, 3L)); // both keep money in US dollars
    }
}
