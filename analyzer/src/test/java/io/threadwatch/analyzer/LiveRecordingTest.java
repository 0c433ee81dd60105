package io.threadwatch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.result.Limitation;
import io.threadwatch.samples.deadlock.BankService;
import io.threadwatch.samples.schedulerleak.ConfigService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records sample apps with JFR on the JDK running the tests (17 or 25) and threadwatch.jfc, then
 * analyzes the recording: the committed fixtures are reproducible, and the analysis works on
 * fresh recordings, not only on the ones committed. Short runs; a failing run keeps its .jfr.
 */
class LiveRecordingTest {

    @TempDir
    Path dir;

    private Path record(Class<?> app, int seconds) throws IOException, InterruptedException {
        Path jfr = dir.resolve(app.getSimpleName() + ".jfr");
        Path jfc = Path.of(System.getProperty("threadwatch.jfc", "../threadwatch.jfc")).toAbsolutePath();
        String classes = Path.of(app.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java,
                "-XX:StartFlightRecording:settings=" + jfc + ",filename=" + jfr + ",dumponexit=true",
                "-cp", classes, app.getName(), "--duration", Integer.toString(seconds))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(app.getSimpleName() + ".log").toFile())
                .start();
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(app.getName() + " did not exit within " + (seconds + 60) + " s");
        }
        assertThat(process.exitValue()).as(Files.readString(dir.resolve(app.getSimpleName() + ".log"))).isZero();
        assertThat(jfr).isRegularFile();
        return jfr;
    }

    private static void keepOnFailure(Path jfr, Runnable assertions) throws IOException {
        try {
            assertions.run();
        } catch (AssertionError e) {
            Path kept = Path.of("target", "failed-recordings", jfr.getFileName().toString());
            Files.createDirectories(kept.getParent());
            Files.copy(jfr, kept, StandardCopyOption.REPLACE_EXISTING);
            throw new AssertionError(e.getMessage() + "\nrecording kept at " + kept.toAbsolutePath(), e);
        }
    }

    @Test
    void aDeadlockRecordedNowIsReportedAtItsSite() throws Exception {
        Path jfr = record(BankService.class, 14);
        Report report = Analyzer.analyze(List.of(jfr), AnalysisOptions.defaults());
        keepOnFailure(jfr, () -> {
            ReportAssertions.validJson(report);
            assertThat(ReportAssertions.kindsAndSites(report))
                    .containsExactly("deadlock io.threadwatch.samples.deadlock.Bank.transfer");
            // Recorded with everything the analysis needs; only its length limits what it can show.
            assertThat(report.limitations()).extracting(Limitation::id)
                    .containsExactlyInAnyOrder("short-recording", "slow-thread-leaks");
        });
    }

    @Test
    void aSchedulerLeakRecordedNowIsReportedAtItsSite() throws Exception {
        Path jfr = record(ConfigService.class, 24);
        Report report = Analyzer.analyze(List.of(jfr), AnalysisOptions.defaults().withWindow(Duration.ofSeconds(2)));
        keepOnFailure(jfr, () -> {
            ReportAssertions.validJson(report);
            assertThat(ReportAssertions.kindsAndSites(report))
                    .containsExactly("thread-leak io.threadwatch.samples.schedulerleak.ConfigReloader.reload");
        });
    }

}
