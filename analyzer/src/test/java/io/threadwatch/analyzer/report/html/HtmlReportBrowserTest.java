package io.threadwatch.analyzer.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.rules.CatalogLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Renders the HTML report of sample recordings in a real headless Chromium: no console error,
 * the verdict visible without scrolling, every plot the data allows drawn (and a reason for each
 * one that is not), the evidence opening on a click, a tooltip under the cursor. A full-page
 * screenshot per sample goes to {@code analyzer/target/html-screenshots/}, next to the page.
 */
class HtmlReportBrowserTest {

    private static final Path SHOTS = Path.of(System.getProperty("threadwatch.screenshots", "target/html-screenshots"));
    private static final List<String> PLOTS = List.of("threads", "blocked-p99", "blocked-time", "stuck", "heap", "gc",
            "vthreads");

    @TempDir
    static Path profile;
    private static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws Exception {
        if (!Chromium.installed()) {
            // Each test then skips (or fails, when required) with the reason, so that the count shows it.
            return;
        }
        driver = Chromium.start(profile.resolve("chromium-profile"));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Sample, the verdict's first line, and the plots that must be drawn from its data. */
    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("scheduler-leak.default-jdk17", "CRITICAL: Thread leak at ConfigReloader.reload:38",
                        List.of("threads", "heap", "gc")),
                Arguments.of("leaky-pool.threadwatch-jdk25", "CRITICAL: Threads stuck at ConnectionPool.borrow:24",
                        List.of("threads", "stuck", "blocked-p99", "blocked-time")),
                Arguments.of("deadlock.threadwatch-jdk25", "CRITICAL: Deadlock at Bank.transfer", List.of("stuck")),
                Arguments.of("unbounded-cache.threadwatch-jdk25", "Heap keeps growing at ReportRenderer.render",
                        List.of("heap", "gc")),
                Arguments.of("full-heap.threadwatch-jdk25", "GC pressure", List.of("heap", "gc")),
                Arguments.of("vthread-leak.threadwatch-jdk25", "Virtual-thread leak at PaymentHandler.handle",
                        List.of("vthreads")),
                Arguments.of("vthread-pinning.threadwatch-jdk25", "Virtual threads pinned at RuleRepository.fetch",
                        List.of("vthreads")),
                Arguments.of("hikari-healthy.threadwatch-jdk25", "Healthy: no problem found", List.of("threads")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void pageRendersReadably(String sample, String verdict, List<String> plotsWithData) throws Exception {
        Chromium.assumeInstalled();
        Report report = HtmlPages.analyze(sample + ".jfr.gz");
        Path html = SHOTS.resolve(sample + ".html");
        Files.writeString(html, HtmlPages.page(report, CatalogLoader.builtIn()), StandardCharsets.UTF_8);

        driver.get(html.toUri().toString());

        // The verdict, in full, inside the first screen.
        WebElement verdictBox = driver.findElement(By.id("verdict"));
        assertThat(verdictBox.getText()).contains(verdict);
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) driver.executeScript("var r = document.getElementById('verdict')"
                + ".getBoundingClientRect(); return [r.top, r.bottom, r.right, innerHeight, innerWidth];");
        assertThat(box.get(3).intValue()).as("viewport height").isGreaterThanOrEqualTo(Chromium.HEIGHT - 150);
        assertThat(box.get(0).doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(box.get(1).doubleValue()).as("verdict bottom within the viewport").isLessThanOrEqualTo(box.get(3).doubleValue());
        assertThat(box.get(2).doubleValue()).isLessThanOrEqualTo(box.get(4).doubleValue());

        for (String plot : PLOTS) {
            WebElement figure = driver.findElement(By.id("plot-" + plot));
            boolean missing = figure.getAttribute("class").contains("missing");
            if (plotsWithData.contains(plot)) {
                assertThat(missing).as(plot + " drawn: " + figure.getText()).isFalse();
            }
            if (missing) {
                assertThat(figure.findElement(By.className("why-missing")).getText()).as(plot).startsWith("Not drawn: ")
                        .hasSizeGreaterThan("Not drawn: ".length() + 10);
            } else {
                assertThat(Integer.parseInt(figure.getAttribute("data-points"))).as(plot + " values").isPositive();
                assertThat(paintedPixels(figure)).as(plot + " pixels painted").isGreaterThan(2000);
            }
        }

        boolean stacks = report.findings().stream().flatMap(f -> f.evidence().stream())
                .anyMatch(e -> !e.frames().isEmpty() || !e.threads().isEmpty());
        if (stacks) {
            evidenceOpensOnClick();
        } else {
            assertThat(driver.findElements(By.cssSelector("details.evidence"))).isEmpty();
        }
        // Each finding card names its pattern and, when it has one, the fix.
        for (int i = 0; i < report.findings().size(); i++) {
            Finding finding = report.findings().get(i);
            String card = driver.findElement(By.cssSelector("#finding-" + i + " .pattern")).getText();
            assertThat(card).as("finding " + i + " pattern").contains(finding.pattern());
            if (finding.fix() != null) {
                assertThat(card).as("finding " + i + " fix").contains("fix: " + finding.fix());
            }
        }
        tooltipFollowsTheCursor();
        assertThat(driver.findElement(By.id("download-json")).getAttribute("href")).startsWith("blob:");

        screenshot(sample);
        assertThat(errors()).as("console errors").isEmpty();
    }

    private static void evidenceOpensOnClick() {
        WebElement evidence = driver.findElement(By.cssSelector("details.evidence"));
        WebElement stack = evidence.findElement(By.cssSelector(".evidence-body"));
        assertThat(stack.isDisplayed()).isFalse();
        WebElement summary = evidence.findElement(By.tagName("summary"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", summary);
        summary.click();
        assertThat(stack.isDisplayed()).isTrue();
        assertThat(stack.getText()).isNotBlank();
        summary.click();
        assertThat(stack.isDisplayed()).isFalse();
    }

    private static void tooltipFollowsTheCursor() {
        WebElement over = driver.findElement(By.cssSelector("figure.plot .u-over"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", over);
        // Offsets are from the element's centre: a quarter of the way in from the left.
        new Actions(driver).moveToElement(over, -over.getSize().getWidth() / 4, 0).perform();
        WebElement tip = over.findElement(By.className("tooltip"));
        assertThat(tip.isDisplayed()).isTrue();
        assertThat(tip.getText()).startsWith("window ending ").contains(" UTC");
    }

    /** Canvas pixels that are not blank: axes, grid and lines together. */
    private static long paintedPixels(WebElement figure) {
        return ((Number) driver.executeScript("var c = arguments[0].querySelector('canvas');"
                + "if (!c || c.width === 0) return 0;"
                + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                + "for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;", figure)).longValue();
    }

    private static List<String> errors() {
        return Chromium.errors(driver);
    }

    private static void screenshot(String sample) throws Exception {
        Chromium.screenshot(driver, SHOTS.resolve(sample + ".png"));
    }
}
