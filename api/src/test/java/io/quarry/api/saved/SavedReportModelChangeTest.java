package io.quarry.api.saved;

import static io.quarry.api.saved.SavedReportCalls.BASE;
import static io.quarry.api.saved.SavedReportCalls.body;
import static io.quarry.api.saved.SavedReportCalls.cast;
import static io.quarry.api.saved.SavedReportCalls.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.api.TestDatabaseProperties;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model change that breaks a saved report: reading it says so with the reasons, running it is a
 * clear 422, and it can be repaired by an update. Two servers share the database: this one with
 * the shipped model, a second one whose model no longer has the metric roas.
 */
@MicronautTest
class SavedReportModelChangeTest extends ApiTest {

    @TempDir
    Path dir;

    @Inject
    ApplicationContext context;

    @Test
    void aReportTheModelNoLongerSupportsSaysWhyAndDoesNotRun() throws Exception {
        SavedReportCalls calls = new SavedReportCalls(client);
        String token = token("analyst", List.of(7L));
        String name = unique("return on spend");
        Map<String, Object> saved = calls.create(token, body(name,
                "DIMENSIONS campaign.name METRICS spend, roas WHERE date DURING LAST_30_DAYS"));
        String uri = BASE + "/" + saved.get("id");

        try (EmbeddedServer changed = serverWithout("roas");
             HttpClient other = context.createBean(HttpClient.class, changed.getURL())) {
            SavedReportCalls after = new SavedReportCalls(other);
            Map<String, Object> read = after.ok(HttpRequest.GET(uri).bearerAuth(token));
            Map<String, Object> status = cast(read.get("status"));
            assertThat(status).containsEntry("valid", false);
            List<Map<String, Object>> errors = cast(status.get("errors"));
            assertThat(errors.get(0)).containsEntry("code", "UNKNOWN_FIELD");
            assertThat((String) errors.get(0).get("detail")).contains("roas");
            assertThat(read.get("definition")).as("the definition is kept as saved").isEqualTo(saved.get("definition"));

            Map<String, Object> page = after.ok(HttpRequest.GET(BASE + "?name=" + name.replace(" ", "%20"))
                    .bearerAuth(token));
            List<Map<String, Object>> items = cast(page.get("items"));
            assertThat(items).singleElement().satisfies(item -> assertThat(item).containsEntry("valid", false));

            Map<String, Object> run = after.problem(HttpRequest.POST(uri + "/run", Map.of()).bearerAuth(token), 422);
            assertThat(run).containsEntry("code", "REPORT_NOT_RUNNABLE");
            assertThat((String) run.get("detail")).contains("roas");

            Map<String, Object> restoreBroken = after.problem(HttpRequest.POST(uri + "/versions/1/restore", "")
                    .bearerAuth(token), 422);
            assertThat(restoreBroken).containsEntry("code", "INVALID_DEFINITION");

            Map<String, Object> repaired = after.ok(HttpRequest.PUT(uri, body(name,
                    "DIMENSIONS campaign.name METRICS spend WHERE date DURING LAST_30_DAYS"))
                    .header("If-Match", "\"1\"").bearerAuth(token));
            assertThat(repaired).containsEntry("version", 2);
            assertThat(((Map<?, ?>) repaired.get("status")).get("valid")).isEqualTo(true);
            after.ok(HttpRequest.POST(uri + "/run", Map.of()).bearerAuth(token));
        }
        assertThat(calls.ok(HttpRequest.GET(uri + "/versions/1").bearerAuth(token)).get("definition"))
                .isEqualTo(saved.get("definition"));
    }

    /** A second server on the same database whose model lacks {@code metric}. */
    private EmbeddedServer serverWithout(String metric) throws Exception {
        String model;
        try (InputStream in = getClass().getResourceAsStream("/io/quarry/planner/default-model.yaml")) {
            model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String changed = model.lines().filter(line -> !line.startsWith("  " + metric + ":"))
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(changed).isNotEqualTo(model + "\n");
        Path file = dir.resolve("model.yaml");
        Files.writeString(file, changed);
        Map<String, Object> properties = new HashMap<>(TestDatabaseProperties.get());
        properties.put("quarry.model.path", file.toString());
        properties.put("micronaut.server.port", -1);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }
}
