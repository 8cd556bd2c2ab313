package io.quarry.api.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.core.type.Argument;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.testdb.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The report builder in a real Chromium, through the real server on the test database, signed in
 * with a pasted token: a pivot built by clicking equals the API's answer, the chart draws, a
 * mistyped metric is shown at its line and column with the server's suggestion, the SQL and plan
 * view, sorting, a filter from the values picker, paging and the CSV export.
 */
@MicronautTest
class ReportBuilderUiTest extends BrowserTest {

    static final String FROM = "2026-04-01";
    static final String TO = "2026-06-14";

    @Override
    String subject() {
        return "ui-builder";
    }

    @Override
    List<Long> accounts() {
        return List.of(1L, 2L, 3L, 4L);
    }

    /** Campaign status into rows, month into columns, spend into values, a custom range, a currency. */
    private void buildPivot() {
        page.field("campaign.status");
        page.toColumns("date.month");
        page.field("spend");
        page.choose("#date-range", "CUSTOM");
        page.date("#date-from", FROM);
        page.date("#date-to", TO);
        String currency = browser.find("#currency option:nth-child(2)").getDomAttribute("value");
        assertThat(page.choose("#currency", currency)).isEqualTo("ready");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPivotBuiltByClickingShowsTheApisAnswer() {
        buildPivot();
        String text = page.text();
        assertThat(text).contains("DIMENSIONS campaign.status, date.month", "METRICS spend",
                "WHERE date BETWEEN DATE '" + FROM + "' AND DATE '" + TO + "'", "PIVOT BY date.month", "CURRENCY '");
        Map<String, Object> pivot = client.toBlocking().retrieve(report("/api/v1/reports/pivot", text, token),
                Argument.mapOf(String.class, Object.class));
        List<Object> grandTotal = (List<Object>) pivot.get("grandTotal");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) pivot.get("rows");
        assertThat(rows).isNotEmpty();
        assertThat(page.values("td.grand-total[data-metric='spend']")).singleElement()
                .satisfies(v -> assertThat(Double.parseDouble(v))
                        .isCloseTo(((Number) grandTotal.get(0)).doubleValue(), within(1e-6)));
        assertThat(page.texts("#result-table tbody th")).containsExactlyElementsOf(
                rows.stream().map(r -> ((List<String>) r.get("labels")).get(0)).toList());
        assertThat(page.texts("#result-table thead th.column-value")).contains("2026-04", "2026-05", "2026-06", "Total");
        assertThat(page.texts("td.grand-total")).singleElement().asString().matches(".*\\d.*\\.\\d\\d.*");
        browser.screenshot("builder-pivot");
        page.assertClean();
    }

    @Test
    void theChartDrawsBarsForCategoriesAndALineForTime() {
        buildPivot();
        page.tab("chart");
        browser.find("#view-chart[data-drawn]");
        assertThat(browser.find(".chart-bar").getText()).contains("Bar chart");
        assertThat(paintedPixels()).as("pixels of the bars").isGreaterThan(2_000);
        browser.screenshot("builder-chart-bars");
        page.run(() -> browser.click("[data-focus='move:date.month']"));
        page.run(() -> browser.click("[data-focus='remove:campaign.status']"));
        assertThat(page.text()).contains("DIMENSIONS date.month").doesNotContain("PIVOT BY");
        browser.until(d -> d.findElement(By.cssSelector(".chart-bar")).getText().contains("Line chart"));
        assertThat(paintedPixels()).as("pixels of the line").isGreaterThan(500);
        browser.screenshot("builder-chart-line");
        page.assertClean();
    }

    /** Pixels of the chart's canvas that are not the white background. */
    private long paintedPixels() {
        return ((Number) browser.script("""
                const canvas = document.querySelector('#chart canvas');
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let painted = 0;
                for (let i = 0; i < data.length; i += 4) {
                  if (data[i + 3] > 0 && (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235)) painted++;
                }
                return painted;""")).longValue();
    }

    @Test
    void aMistypedMetricIsShownAtItsLineAndColumnWithTheSuggestion() {
        page.type("DIMENSIONS campaign.status\nMETRICS clicks, impresions\nWHERE date BETWEEN DATE '" + FROM
                + "' AND DATE '" + TO + "'");
        String error = browser.visible("#text-error").getText();
        assertThat(error).contains("Line 2, column 17", "unknown metric 'impresions'", "UNKNOWN_FIELD");
        assertThat(page.texts("button.suggestion")).first().isEqualTo("impressions");
        assertThat(browser.find("#editor .backdrop mark").getText()).isEqualTo("impresions");
        assertThat(browser.find("#text-status").getText()).isEqualTo("error");
        browser.screenshot("builder-error");
        assertThat(page.run(() -> browser.click("button.suggestion"))).isEqualTo("ready");
        assertThat(page.text()).contains("METRICS clicks, impressions");
        assertThat(browser.find("#text-error").isDisplayed()).isFalse();
        assertThat(browser.find("#shelf-values").getText()).contains("Clicks", "Impressions");
        page.assertClean();
    }

    @Test
    void theSqlAndPlanViewSaysWhereTheReportRuns() {
        buildPivot();
        page.tab("explain");
        assertThat(browser.visible("#explain-sql").getText()).contains("SELECT", "WITH");
        assertThat(browser.find("#explain-plan").getText()).isNotBlank();
        assertThat(page.texts(".steps tbody tr")).isNotEmpty();
        assertThat(browser.find("#plan-summary").getText())
                .contains(TestDatabase.get().citus() ? "Citus" : "PostgreSQL");
        browser.screenshot("builder-explain");
        page.assertClean();
    }

    @Test
    void clickingAHeaderSortsAndAPickedFilterNarrowsTheRows() {
        buildPivot();
        page.run(() -> browser.click("th.total button.sort"));
        assertThat(page.text()).contains("ORDER BY spend\n");
        List<Double> ascending = page.values("#result-table tbody td[data-total='row']").stream()
                .map(Double::parseDouble).toList();
        assertThat(ascending).hasSizeGreaterThan(1).isSorted();
        page.run(() -> browser.click("th.total button.sort"));
        assertThat(page.text()).contains("ORDER BY spend DESC");

        browser.click("#add-filter");
        new Select(browser.find("#filter-dimension")).selectByValue("campaign.status");
        browser.visible("#filter-values[data-dimension='campaign.status'] input[type=checkbox]").click();
        String status = browser.find("#filter-values label").getText();
        page.run(() -> browser.click("#filter-apply"));
        assertThat(page.text()).contains("campaign.status IN ('" + status + "')");
        assertThat(page.texts("#result-table tbody th")).containsExactly(status);
        assertThat(browser.find("#shelf-filters").getText()).contains("Campaign status: " + status);
        page.assertClean();
    }

    @Test
    void rowsArePagedByTheReportsLimitAndOffset() {
        page.typeAndRun("DIMENSIONS campaign.name, date.day\nMETRICS clicks\nWHERE date BETWEEN DATE '" + FROM
                + "' AND DATE '" + TO + "'\nLIMIT 100");
        assertThat(page.choose("#page-size", "25")).isEqualTo("ready");
        assertThat(page.texts("#result-table tbody tr")).hasSize(25);
        page.run(() -> browser.click("#page-next"));
        assertThat(page.text()).contains("LIMIT 25\nOFFSET 25");
        assertThat(browser.find("#page-range").getText()).startsWith("Rows 26–50");
        assertThat(browser.find("#page-previous").isEnabled()).isTrue();
        page.assertClean();
    }

    @Test
    void theCsvExportIsTheApisCsv() throws IOException {
        buildPivot();
        browser.click("#export");
        String downloaded = Files.readString(browser.downloaded(".csv"));
        String api = client.toBlocking().retrieve(report("/api/v1/reports/pivot", page.text(), token)
                .accept(MediaType.TEXT_CSV_TYPE), String.class);
        assertThat(api.lines().count()).isGreaterThan(2);
        assertThat(downloaded).isEqualTo(api);
        page.assertClean();
    }

    @Test
    void aBadTokenIsRefusedWithTheServersReason() {
        page = new QuarryPage(browser, server.getURL() + "/").open();
        browser.visible("#token-input").sendKeys("not-a-token");
        browser.click("#token-form button[type=submit]");
        assertThat(browser.visible("#token-error").getText()).contains("TOKEN_MALFORMED");
        assertThat(browser.find("#workspace").isDisplayed()).isFalse();
    }
}
