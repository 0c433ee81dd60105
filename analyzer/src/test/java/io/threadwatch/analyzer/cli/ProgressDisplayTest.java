package io.threadwatch.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.AnalysisProgress;
import io.threadwatch.analyzer.ReportAssertions;
import io.threadwatch.analyzer.TestRecordings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress bar is drawn on a terminal only, never with --quiet, and never mixed into the report. */
class ProgressDisplayTest {

    private static final String SAMPLE = TestRecordings.recording("scheduler-leak.default-jdk17.jfr.gz").toString();

    @Test
    void quietDrawsNoBarWithoutEvenAskingTheTerminal() {
        assertThat(ProgressDisplay.wanted(true, () -> {
            throw new AssertionError("the terminal was asked although --quiet was given");
        })).isFalse();
    }

    @Test
    void aBarIsDrawnOnlyWhenStandardErrorIsATerminal() {
        assertThat(ProgressDisplay.wanted(false, () -> false)).isFalse();
        assertThat(ProgressDisplay.wanted(false, () -> true)).isTrue();
    }

    /** Surefire pipes the test JVM's standard error, so the real check must say "not a terminal". */
    @Test
    void aPipedStandardErrorIsNotATerminal() {
        assertThat(ProgressDisplay.stderrIsTerminal()).isFalse();
    }

    @Test
    void analyzeWithStandardErrorNotATerminalPrintsOnlyTheReport() {
        CliRun run = CliRun.of("analyze", SAMPLE);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        ReportAssertions.assertValid(run.out());
    }

    @Test
    void analyzeQuietPrintsOnlyTheReport() {
        CliRun quiet = CliRun.of("analyze", "--quiet", SAMPLE);
        CliRun shortForm = CliRun.of("analyze", "-q", SAMPLE, "--format", "text");

        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.out()).isEqualTo(CliRun.of("analyze", SAMPLE).out());
        assertThat(shortForm.err()).isEmpty();
        assertThat(shortForm.out()).contains("thread-leak");
    }

    @Test
    void theBarShowsMegabytesChunksAndRateAndEndsFull() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long total = 30L << 20;
        try (TerminalBar bar = TerminalBar.on(new PrintStream(bytes, true, StandardCharsets.UTF_8), 100, "analyze")) {
            bar.progress(new AnalysisProgress(0, total, 0, 3));
            bar.progress(new AnalysisProgress(10L << 20, total, 1, 3));
            bar.progress(new AnalysisProgress(total, total, 3, 3));
        }
        // Each redraw starts with a carriage return; closing ends the last with a line break.
        String drawn = bytes.toString(StandardCharsets.UTF_8).stripTrailing();

        String last = drawn.substring(drawn.lastIndexOf('\r') + 1);
        assertThat(last).startsWith("analyze 100%").contains("30/30 MB")
                // The rate is "?" until time has passed: this test does not wait for it.
                .containsPattern("(\\d\\.\\d|\\?) MB/s, 3/3 chunks");
    }
}
