package io.threadwatch.analyzer.report.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium through its chromedriver ({@code apt-get install chromium
 * chromium-driver}), never a browser or driver that Selenium Manager would download.
 *
 * <p>When they are missing the browser tests are skipped with a message, unless the system
 * property {@code threadwatch.browser.required} is {@code true} (as {@code .ci/run} sets it):
 * then they fail, so that CI never passes without having rendered a page.
 */
public final class Chromium {

    public static final Path BROWSER = Path.of(System.getProperty("threadwatch.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("threadwatch.chromedriver", "/usr/bin/chromedriver"));
    /** The viewport of a laptop: the verdict must show in it without scrolling. */
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 800;

    private Chromium() {
    }

    /** Whether Chromium and its chromedriver are there. */
    public static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** Skips the calling test when Chromium is missing, or fails it when it is required. */
    public static void assumeInstalled() {
        if (installed()) {
            return;
        }
        String message = "no Chromium at " + BROWSER + " with chromedriver at " + DRIVER
                + ": install them with 'apt-get install -y chromium chromium-driver' (.ci/run does)";
        if (Boolean.getBoolean("threadwatch.browser.required")) {
            Assertions.fail(message + "; threadwatch.browser.required=true does not allow skipping the browser tests");
        }
        System.err.println("browser test: " + message + "; skipped");
        Assumptions.abort(message + "; browser tests skipped");
    }

    public static ChromeDriver start(Path userDataDir) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--window-size=" + WIDTH + "," + HEIGHT,
                "--user-data-dir=" + Files.createDirectories(userDataDir));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // Errors thrown before the test could read the console are kept where it can: on the page itself.
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__errors = [];"
                        + "addEventListener('error', function (e) { __errors.push(String(e.message || e)); });"
                        + "var __consoleError = console.error;"
                        + "console.error = function () { __errors.push(Array.prototype.join.call(arguments, ' '));"
                        + " __consoleError.apply(console, arguments); };"));
        return driver;
    }

    /** The console's errors and warnings, and what the page's own capture caught. */
    public static List<String> errors(ChromeDriver driver) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                errors.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
        @SuppressWarnings("unchecked")
        List<Object> caught = (List<Object>) driver.executeScript("return window.__errors || []");
        caught.forEach(e -> errors.add(String.valueOf(e)));
        return errors;
    }

    /** The whole page, beyond the viewport, as Chromium renders it, as a PNG file. */
    public static void screenshot(ChromeDriver driver, Path png) throws IOException {
        driver.executeScript("window.scrollTo(0, 0)");
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double height = ((Number) size.get("height")).doubleValue();
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", WIDTH, "height", height, "scale", 1)));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode((String) shot.get("data")));
    }
}
