package io.quarry.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Quarry's web UI in a browser, worked as a person works it: by clicking fields, buttons, tabs and
 * selects and by typing; each action that changes the report waits for the report's run to end.
 */
final class QuarryPage {

    final Browser browser;
    private final String url;

    QuarryPage(Browser browser, String url) {
        this.browser = browser;
        this.url = url;
    }

    /**
     * Opens the page in a fresh tab state (no token, no report kept from an earlier test): the
     * session storage is cleared on a plain asset of the origin, where no page script runs.
     */
    QuarryPage open() {
        browser.driver.get(url + "ui/favicon.svg");
        browser.script("sessionStorage.clear()");
        browser.driver.get(url);
        return this;
    }

    /** Pastes a token into the token form and waits for the first run (the starter report). */
    void signIn(String token) {
        browser.visible("#token-input").sendKeys(token);
        browser.click("#token-form button[type=submit]");
        browser.visible("#workspace");
        browser.runAfter(0);
    }

    /** Does something that changes the report and waits for its run: "ready" or "failed". */
    String run(Runnable action) {
        int before = browser.runs();
        action.run();
        return browser.runAfter(before);
    }

    /** Clicks a field of the field list: a dimension goes into the rows, a metric into the values. */
    String field(String name) {
        return run(() -> browser.click("button.field[data-field='" + name + "']"));
    }

    /** Clicks a dimension's "+ col": it goes into the columns. */
    String toColumns(String name) {
        return run(() -> browser.click("[data-focus='columns:" + name + "']"));
    }

    /** Chooses an option of a select by its value. */
    String choose(String css, String value) {
        return run(() -> new Select(browser.find(css)).selectByValue(value));
    }

    /** Types a date into a date field (month, day, year, as an English Chromium takes them) and presses Enter. */
    String date(String css, String isoDate) {
        String[] parts = isoDate.split("-");
        return run(() -> browser.find(css).sendKeys(parts[1] + parts[2] + parts[0], Keys.ENTER));
    }

    /** The report's text as the editor shows it. */
    String text() {
        return browser.find("#report-text").getDomProperty("value");
    }

    /** Replaces the report's text by typing it. */
    void type(String text) {
        WebElement editor = browser.find("#report-text");
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        editor.sendKeys(text);
    }

    /** Types a report text and waits for it to be read and run. */
    String typeAndRun(String text) {
        return run(() -> type(text));
    }

    void tab(String view) {
        browser.click("#tab-" + view);
        browser.visible("#view-" + view);
    }

    /** The raw values of the cells matching a selector (their data-value). */
    List<String> values(String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().map(e -> e.getDomAttribute("data-value"))
                .toList();
    }

    /** The texts of the elements matching a selector. */
    List<String> texts(String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /**
     * Requires that the page saw no Content-Security-Policy violation and logged no error but the
     * 4xx answers of reports a test made wrong on purpose (Chromium logs every refused request).
     */
    void assertClean() {
        assertThat(browser.cspViolations()).as("Content-Security-Policy violations").isEmpty();
        assertThat(browser.consoleErrors()).as("console errors")
                .allMatch(error -> error.contains("the server responded with a status of 4"));
    }
}
