package io.quarry.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through Debian's chromedriver (both named by path: Selenium
 * Manager downloads nothing), in a fresh profile, a 1280x800 page, English. Without them the test is
 * skipped, unless {@code QUARRY_TEST_REQUIRE_BROWSER=1} (CI), when it fails. Screenshots go to
 * {@code target/screenshots/}; downloads to a directory of the test's. Every page it loads records
 * Content-Security-Policy violations, so a test can require there were none.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The page's size in CSS pixels: screenshots are this size. */
    static final int WIDTH = 1280;
    static final int HEIGHT = 800;

    final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    private Browser(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    /** A new browser; skips the test (or fails it when a browser is required) if Chromium is missing. */
    static Browser start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("1".equals(System.getenv("QUARRY_TEST_REQUIRE_BROWSER"))) {
            assertThat(installed).as("QUARRY_TEST_REQUIRE_BROWSER=1 but %s or %s is missing (apt-get install chromium"
                    + " chromium-driver)", CHROMIUM, CHROMEDRIVER).isTrue();
        }
        Assumptions.assumeTrue(installed, "no " + CHROMIUM + " and " + CHROMEDRIVER + ": browser tests skipped");
        try {
            Path profile = Files.createTempDirectory("quarry-chromium-");
            Path downloads = Files.createTempDirectory("quarry-downloads-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT,
                    "--force-device-scale-factor=1", "--lang=en-US", "--hide-scrollbars");
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "intl.accept_languages", "en-US"));
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH, "height", HEIGHT,
                    "deviceScaleFactor", 1, "mobile", false));
            driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                    "downloadPath", downloads.toString()));
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "window.__csp = []; document.addEventListener('securitypolicyviolation',"
                            + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"));
            return new Browser(driver, profile, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits (20 s at most) until the condition holds, and returns its value; an element the page
     * redrew meanwhile (stale) is looked for again.
     */
    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Clicks the element, found again if the page redraws it under the click. */
    void click(String css) {
        until(d -> {
            d.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    WebElement find(String css) {
        return until(d -> d.findElement(By.cssSelector(css)));
    }

    /** The element once it is displayed. */
    WebElement visible(String css) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The number of report runs the page finished (body data-runs). */
    int runs() {
        Object runs = script("return document.body.dataset.runs || '0'");
        return Integer.parseInt(String.valueOf(runs));
    }

    /** Waits for a run after {@code before} runs to finish, and returns the page's state: ready, failed. */
    String runAfter(int before) {
        until(d -> runs() > before && !"running".equals(script("return document.body.dataset.state")));
        return String.valueOf(script("return document.body.dataset.state"));
    }

    /** Saves a screenshot of the page as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Content-Security-Policy violations the page has seen. */
    @SuppressWarnings("unchecked")
    List<String> cspViolations() {
        return (List<String>) script("return window.__csp || []");
    }

    /** The browser console's errors since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** The file the browser downloaded whose name ends with {@code suffix}, once it is complete. */
    Path downloaded(String suffix) {
        return until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        for (Path directory : List.of(profile, downloads)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
