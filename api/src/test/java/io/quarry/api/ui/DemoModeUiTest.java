package io.quarry.api.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The quickstart: Quarry in the embedded demo mode (its own PostgreSQL and demo data), and a
 * browser that opens {@code /} and sees the demo report, spend and CTR by campaign status and
 * month, as a pivot table and as a chart without typing anything, with the API's numbers. Only
 * this mode hands out a (read-only) token. Measures the demo report's first render in the page
 * and keeps screenshots of both views (the README's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoModeUiTest {

    static final int RENDERS = 5;

    Path dataDir;
    EmbeddedServer server;
    HttpClient client;
    Browser browser;

    @BeforeAll
    void start() throws IOException {
        browser = Browser.start();
        dataDir = Files.createTempDirectory("quarry-ui-demo-");
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "quarry.embedded.data-dir", dataDir.resolve("pg").toString(),
                "quarry.embedded.port", String.valueOf(freePort()),
                "micronaut.server.port", "-1"));
        client = HttpClient.create(server.getURL());
    }

    @AfterAll
    void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        if (browser != null) {
            browser.close();
        }
        if (dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDemoReportOpensAsAPivotAndAChartWithoutTyping() {
        Map<String, Object> settings = client.toBlocking().retrieve(HttpRequest.GET("/ui/config.json"), Argument.mapOf(String.class, Object.class));
        assertThat(settings).containsOnlyKeys("demoToken", "demoReport");
        String demoReport = (String) settings.get("demoReport");
        assertThat(demoReport).contains("campaign.status, date.month", "spend, ctr", "PIVOT BY date.month");

        QuarryPage page = new QuarryPage(browser, server.getURL() + "/").open();
        assertThat(browser.runAfter(0)).isEqualTo("ready");
        assertThat(browser.find("#token-gate").isDisplayed()).isFalse();
        assertThat(browser.find("#mode-badge").isDisplayed()).isTrue();
        assertThat(page.text()).contains("DIMENSIONS campaign.status, date.month\nMETRICS spend, ctr");

        Map<String, Object> pivot = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/reports/pivot", demoReport)
                .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth((String) settings.get("demoToken")),
                Argument.mapOf(String.class, Object.class));
        List<Map<String, Object>> rows = (List<Map<String, Object>>) pivot.get("rows");
        assertThat(rows).isNotEmpty();
        assertThat(page.texts("#result-table tbody th")).containsExactlyElementsOf(
                rows.stream().map(r -> ((List<String>) r.get("labels")).get(0)).toList());
        List<Object> grandTotal = (List<Object>) pivot.get("grandTotal");
        assertThat(page.values("td.grand-total")).hasSize(2).satisfies(values -> {
            assertThat(Double.parseDouble(values.get(0))).isCloseTo(((Number) grandTotal.get(0)).doubleValue(), within(1e-6));
            assertThat(Double.parseDouble(values.get(1))).isCloseTo(((Number) grandTotal.get(1)).doubleValue(), within(1e-12));
        });
        assertThat(page.texts("td.grand-total")).satisfiesExactly(
                spend -> assertThat(spend).startsWith("€"), ctr -> assertThat(ctr).endsWith("%"));
        browser.screenshot("demo-pivot");

        page.tab("chart");
        browser.find("#view-chart[data-drawn]");
        assertThat(((Number) browser.script("""
                const canvas = document.querySelector('#chart canvas');
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let painted = 0;
                for (let i = 0; i < data.length; i += 4) {
                  if (data[i + 3] > 0 && (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235)) painted++;
                }
                return painted;""")).longValue()).as("painted pixels of the chart").isGreaterThan(2_000);
        browser.screenshot("demo-chart");
        page.assertClean();
    }

    @Test
    void theDemoReportsFirstRenderIsMeasuredInThePage() {
        List<Double> renders = new ArrayList<>();
        browser.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        for (int i = 0; i < RENDERS; i++) {
            new QuarryPage(browser, server.getURL() + "/").open();
            browser.runAfter(0);
            renders.add(((Number) browser.script(
                    "return performance.getEntriesByName('quarry:first-render')[0].startTime")).doubleValue());
        }
        List<Double> warm = renders.subList(1, renders.size()).stream().sorted().toList();
        System.out.printf("First render of the demo report (navigation start to the pivot table in the page): first"
                + " load (empty browser cache) %.0f ms; median of the next %d loads %.0f ms (all: %s)%n", renders.get(0), warm.size(),
                warm.get(warm.size() / 2), renders.stream().map(r -> String.format("%.0f", r)).toList());
        assertThat(renders).hasSize(RENDERS).allSatisfy(r -> assertThat(r).isPositive());
    }

    @Test
    void theDemoTokenReadsButDoesNotIngest() {
        String token = (String) client.toBlocking().retrieve(HttpRequest.GET("/ui/config.json"), Argument.mapOf(String.class, Object.class))
                .get("demoToken");
        assertThat(client.toBlocking().exchange(HttpRequest.GET("/api/v1/model").bearerAuth(token)).code()).isEqualTo(200);
        try {
            client.toBlocking().exchange(HttpRequest.POST("/api/v1/ingest/events",
                    "{\"account_id\": 1, \"event_id\": 1, \"created_at\": \"2026-01-01T00:00:00Z\", \"name\": \"x\"}\n")
                    .contentType("application/x-ndjson").bearerAuth(token));
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(403);
            assertThat(e.getResponse().getBody(String.class).orElse("")).contains("INGEST_NOT_PERMITTED");
            return;
        }
        throw new AssertionError("the UI's demo token ingested");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
