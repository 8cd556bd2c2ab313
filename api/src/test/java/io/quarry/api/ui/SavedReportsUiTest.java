package io.quarry.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Saved reports in a real Chromium through the real server: save and reopen by name, run with a
 * parameter typed into the input its type gives, restore an earlier version, and a save of a
 * version someone else changed meanwhile shown as such, with a reload.
 */
@MicronautTest
class SavedReportsUiTest extends BrowserTest {

    static final String RANGE = "WHERE date BETWEEN DATE '2026-04-01' AND DATE '2026-06-14'";

    @Override
    String subject() {
        return "ui-saved";
    }

    @Override
    List<Long> accounts() {
        return List.of(1L, 2L);
    }

    private static String unique(String name) {
        return name + " " + System.nanoTime();
    }

    /** Saves the current report as new, under a name, in account 1, and waits for its run. */
    private void saveAs(String name) {
        browser.click("#save");
        browser.visible("#save-name").sendKeys(name);
        new Select(browser.find("#save-account")).selectByValue("1");
        page.run(() -> browser.click("#save-submit"));
        browser.until(d -> browser.find("#report-title").getText().startsWith(name + " · version 1"));
    }

    /** Opens the saved reports and searches one by its name, until the list shows only it. */
    private void search(String name) {
        browser.click("#saved-open");
        browser.visible("#saved-search").sendKeys(name);
        browser.until(d -> d.findElements(By.cssSelector("#saved-list li")).size() == 1
                && d.findElement(By.cssSelector("#saved-list li .name")).getText().equals(name));
    }

    /** Opens a saved report from the list, found by searching its name. */
    private void open(String name) {
        search(name);
        browser.screenshot("saved-list");
        page.run(() -> browser.click("#saved-list li button[aria-label='Open " + name + "']"));
    }

    @Test
    void aSavedReportIsFoundByNameAndOpensAsSaved() {
        String name = unique("UI clicks by status");
        page.typeAndRun("DIMENSIONS campaign.status\nMETRICS clicks\n" + RANGE);
        String saved = page.text();
        saveAs(name);
        page.run(() -> browser.click("#new-report"));
        assertThat(page.text()).doesNotContain("campaign.status");
        assertThat(browser.find("#report-title").getText()).isEmpty();
        open(name);
        assertThat(page.text()).isEqualTo(saved);
        assertThat(browser.find("#report-title").getText()).isEqualTo(name + " · version 1");
        assertThat(page.texts("#result-table tbody tr")).isNotEmpty();
        page.assertClean();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSavedReportRunsWithTheValueTypedIntoItsParameterInput() {
        String name = unique("UI top campaigns");
        page.type("PARAMETERS (top INTEGER)\nDIMENSIONS campaign.name\nMETRICS clicks\n" + RANGE
                + "\nORDER BY clicks DESC\nLIMIT :top");
        assertThat(browser.visible("#text-error").getText()).contains("PARAMETER_MISSING");
        saveAs(name);
        assertThat(browser.visible("#parameter-top").getDomAttribute("type")).isEqualTo("number");
        assertThat(browser.find("#parameter-top").getDomAttribute("required")).isNotNull();
        browser.find("#parameter-top").sendKeys("2");
        assertThat(page.run(() -> browser.click("#parameters-run"))).isEqualTo("ready");
        List<String> shown = page.texts("#result-table tbody th");
        assertThat(shown).hasSize(2);
        String id = savedId(name);
        Map<String, Object> api = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/saved-reports/" + id + "/run",
                Map.of("parameters", Map.of("top", 2))).bearerAuth(token), Argument.mapOf(String.class, Object.class));
        assertThat(shown).containsExactlyElementsOf(((List<List<Object>>) api.get("rows")).stream()
                .map(row -> String.valueOf(row.get(0))).toList());
        browser.screenshot("saved-parameters");
        page.assertClean();
    }

    @Test
    void anEarlierVersionIsRestored() {
        String name = unique("UI versions");
        page.typeAndRun("DIMENSIONS campaign.status\nMETRICS clicks\n" + RANGE);
        String first = page.text();
        saveAs(name);
        page.field("impressions");
        page.run(() -> browser.click("#save"));
        browser.until(d -> browser.find("#report-title").getText().equals(name + " · version 2"));
        search(name);
        browser.click("#saved-list li button[aria-label='History of " + name + "']");
        browser.visible("#version-list li[data-version='2']");
        assertThat(page.texts("#version-list li .name")).containsExactly("Version 2: updated", "Version 1: created");
        browser.screenshot("saved-history");
        page.run(() -> browser.click("button[aria-label='Restore version 1']"));
        assertThat(browser.find("#report-title").getText()).isEqualTo(name + " · version 3");
        assertThat(page.text()).isEqualTo(first);
        page.assertClean();
    }

    @Test
    void aSaveOverSomeoneElsesChangeSaysSoAndReloadsTheirs() {
        String name = unique("UI conflict");
        String id = createByApi(name, "DIMENSIONS campaign.status METRICS clicks " + RANGE);
        open(name);
        client.toBlocking().exchange(HttpRequest.PUT("/api/v1/saved-reports/" + id, Map.of("name", name,
                "definition", "DIMENSIONS campaign.objective METRICS clicks " + RANGE)).header("If-Match", "\"1\"")
                .bearerAuth(token));
        page.field("impressions");
        browser.click("#save");
        String conflict = browser.visible("#conflict").getText();
        assertThat(conflict).contains("Changed by someone else", "version 1");
        assertThat(browser.find("#report-title").getText()).isEqualTo(name + " · version 1 · edited");
        browser.screenshot("saved-conflict");
        page.run(() -> browser.click("#conflict-reload"));
        assertThat(browser.find("#conflict").isDisplayed()).isFalse();
        assertThat(browser.find("#report-title").getText()).isEqualTo(name + " · version 2");
        assertThat(page.text()).contains("DIMENSIONS campaign.objective").doesNotContain("impressions");
        page.assertClean();
    }

    private String createByApi(String name, String definition) {
        Map<String, Object> created = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/saved-reports",
                Map.of("account", 1, "name", name, "definition", definition)).bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
        return (String) created.get("id");
    }

    @SuppressWarnings("unchecked")
    private String savedId(String name) {
        Map<String, Object> page = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/saved-reports?name="
                + name.replace(" ", "%20")).bearerAuth(token), Argument.mapOf(String.class, Object.class));
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).hasSize(1);
        return (String) items.get(0).get("id");
    }
}
