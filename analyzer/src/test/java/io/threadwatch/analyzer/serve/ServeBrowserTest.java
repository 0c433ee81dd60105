package io.threadwatch.analyzer.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.TestRecordings;
import io.threadwatch.analyzer.report.html.Chromium;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The service as a person uses it, in Debian's headless Chromium: choose a recording on the upload
 * page, watch it analyzed, open its HTML report, then the fleet view. Screenshots of the three
 * pages go to {@code analyzer/target/html-screenshots/serve-*.png}.
 */
class ServeBrowserTest {

    private static final Path SHOTS = Path.of(System.getProperty("threadwatch.screenshots", "target/html-screenshots"));
    private static final String LEAK = "scheduler-leak.default-jdk17.jfr.gz";

    @TempDir
    Path data;

    @TempDir
    Path profile;

    @Test
    void aRecordingChosenOnTheUploadPageIsAnalyzedAndShownInTheReportAndTheFleetView() throws Exception {
        Chromium.assumeInstalled();
        try (ServeFixture serve = new ServeFixture(data)) {
            ChromeDriver driver = Chromium.start(profile.resolve("chromium-profile"));
            try {
                driver.get(serve.uri("/").toString());
                driver.findElement(By.id("label-value")).sendKeys("edge-7");
                // The file input sits inside its label, hidden; chromedriver sets its files all the same.
                driver.findElement(By.id("files")).sendKeys(TestRecordings.recording(LEAK).toRealPath().toString());

                WebDriverWait analyzed = new WebDriverWait(driver, Duration.ofSeconds(120), Duration.ofMillis(250));
                analyzed.until(d -> d.findElement(By.cssSelector("#recordings tbody")).getText().contains("critical thread-leak"));
                String row = driver.findElement(By.cssSelector("#recordings tbody tr")).getText();
                assertThat(row).contains(LEAK).contains("device=edge-7").contains("done")
                        .contains("ConfigReloader.reload(ConfigReloader.java:38)");
                assertThat(Chromium.errors(driver)).as("console errors on the upload page").isEmpty();
                Chromium.screenshot(driver, SHOTS.resolve("serve-upload.png"));

                driver.findElement(By.linkText(LEAK)).click();
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("verdict")).isEmpty());
                assertThat(driver.findElement(By.id("verdict")).getText())
                        .contains("CRITICAL: Thread leak at ConfigReloader.reload:38");
                assertThat(Chromium.errors(driver)).as("console errors on the report page").isEmpty();
                Chromium.screenshot(driver, SHOTS.resolve("serve-report.png"));

                driver.get(serve.uri("/fleet").toString());
                new WebDriverWait(driver, Duration.ofSeconds(20))
                        .until(d -> !d.findElements(By.cssSelector("#groups tbody tr")).isEmpty());
                String group = driver.findElement(By.cssSelector("#groups tbody tr")).getText();
                assertThat(group).contains("thread-leak").contains("ConfigReloader.reload(ConfigReloader.java:38)")
                        .contains("1 of 1");
                assertThat(driver.findElement(By.id("labels")).getText()).contains("device=edge-7");
                assertThat(Chromium.errors(driver)).as("console errors on the fleet page").isEmpty();
                Chromium.screenshot(driver, SHOTS.resolve("serve-fleet.png"));
            } finally {
                driver.quit();
            }
        }
    }
}
