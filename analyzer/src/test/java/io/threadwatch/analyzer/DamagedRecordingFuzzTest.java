package io.threadwatch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.source.RecordingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Order;

/**
 * Mutated recordings give a report or a one-line refusal: no other exception, no hang.
 *
 * <p>Jazzer mutates the seeds in {@code DamagedRecordingFuzzTestInputs} (two small sample
 * recordings, decompressed, and two short files of chunk headers; {@code src/test/fuzz/make-seeds.sh}
 * writes them). Without {@code JAZZER_FUZZ} the test only replays those seeds and any crash files
 * saved beside them; with {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}, or for
 * {@code JAZZER_MAX_DURATION} when set. It runs after the module's other test classes (the
 * surefire configuration orders classes by {@code @Order}): fuzzing instruments every class loaded
 * from then on, which slowed the tests that came after it.
 */
@Order(Integer.MAX_VALUE)
class DamagedRecordingFuzzTest {

    /**
     * As a user runs it: Threadwatch's own parser, and JMC's when it cannot read a file, so that
     * both meet the mutations.
     */
    private static final AnalysisOptions OPTIONS = AnalysisOptions.defaults();

    /**
     * Bounds one input. Not JUnit's {@code @Timeout}: in fuzzing mode the whole campaign is one
     * invocation, which it would cut short. A sample recording takes well under a second.
     */
    private static final Duration PER_INPUT = Duration.ofSeconds(30);

    /** Runs each analysis, so that a hang fails the test instead of stalling it; daemon, so it cannot keep the JVM alive. */
    private static final ExecutorService ANALYSIS = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "fuzz-analysis");
        thread.setDaemon(true);
        return thread;
    });

    @FuzzTest(maxDuration = "60s")
    void analyzeGivesAReportOrAOneLineRefusal(byte[] recording) throws Exception {
        Path file = Files.createTempFile("threadwatch-fuzz-", ".jfr");
        try {
            Files.write(file, recording);
            Future<Report> outcome = ANALYSIS.submit(() -> Analyzer.analyze(List.of(file), OPTIONS));
            Report report;
            try {
                report = outcome.get(PER_INPUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                outcome.cancel(true);
                throw new AssertionError("no report and no refusal within " + PER_INPUT + ": a hang");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RecordingException refusal) {
                    assertThat(refusal.getMessage()).contains(file.getFileName().toString())
                            .doesNotContain("\n", "\r");
                    return;
                }
                // Anything else is a finding: rethrown as is, so that Jazzer reports its stack.
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw (Exception) e.getCause();
            }
            assertThat(report.source().chunks()).isPositive();
            assertThat(report.source().truncated()).isEqualTo(!report.source().skipped().isEmpty());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
