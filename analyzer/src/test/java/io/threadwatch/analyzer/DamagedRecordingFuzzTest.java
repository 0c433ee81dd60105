package io.threadwatch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.source.Parser;
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
import org.junit.jupiter.api.Test;

/**
 * Mutated recordings give a report or a one-line refusal: no other exception, no hang.
 *
 * <p>Jazzer mutates the seeds in {@code DamagedRecordingFuzzTestInputs} (two small sample
 * recordings, decompressed, two short files of chunk headers, and the chunk partial of each
 * recording, which {@code analyze} merges, so that the merge meets the mutations too;
 * {@code src/test/fuzz/make-seeds.sh} writes them). Without {@code JAZZER_FUZZ} the test only
 * replays those seeds and any crash files saved beside them; with {@code JAZZER_FUZZ=1} it fuzzes
 * for {@code maxDuration}, or for {@code JAZZER_MAX_DURATION} when set. It runs after the
 * module's other test classes (the surefire configuration orders classes by {@code @Order}):
 * fuzzing instruments every class loaded from then on, which slowed the tests that came after it.
 */
@Order(Integer.MAX_VALUE)
class DamagedRecordingFuzzTest {

    /**
     * As a user runs it: Threadwatch's own parser, and JMC's when it cannot read a file, so that
     * both meet the mutations.
     */
    private static final AnalysisOptions OPTIONS = AnalysisOptions.defaults();
    private static final AnalysisOptions THREADWATCH = AnalysisOptions.defaults().withParser(Parser.THREADWATCH);

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
            boolean partial = ChunkPartial.isPartial(file);
            Future<Report> outcome = ANALYSIS.submit(() -> partial ? merged(recording) : Analyzer.analyze(List.of(file), OPTIONS));
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
            if (report == null) {
                return;
            }
            assertThat(report.source().chunks()).isPositive();
            assertThat(report.source().truncated()).isEqualTo(!report.source().skipped().isEmpty());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The partial seeds are this version's partials of the whole seeds. A partial of another
     * Threadwatch version or format is refused at its first bytes, so stale seeds would leave the
     * merge unfuzzed while the test still passed.
     */
    @Test
    void thePartialSeedsMergeIntoTheWholeSeedsReports() throws Exception {
        Path seeds = Path.of(DamagedRecordingFuzzTest.class.getResource(
                "DamagedRecordingFuzzTestInputs/analyzeGivesAReportOrAOneLineRefusal").toURI());
        for (String whole : List.of("whole-jdk25", "whole-jdk17")) {
            byte[] partial = Files.readAllBytes(seeds.resolve(whole + ".chunk-0.twpartial"));
            PartialMerge merge = PartialMerge.start(THREADWATCH);
            try {
                merge.add(ChunkPartial.fromBytes(partial));
            } catch (IllegalArgumentException e) {
                throw new AssertionError(whole + "'s partial seed is stale (" + e.getMessage()
                        + "): run analyzer/src/test/fuzz/make-seeds.sh", e);
            }
            assertThat(ReportAssertions.validJson(merge.finish())).as(whole)
                    .isEqualTo(ReportAssertions.validJson(Analyzer.analyze(List.of(seeds.resolve(whole + ".jfr")),
                            THREADWATCH)));
        }
    }

    /**
     * A chunk partial, as {@code analyze} merges one: its report, or {@code null} when it is refused
     * in one line (bytes that are not a sound partial, a chunk out of order, chunks missing, every
     * chunk corrupt). The analysis failing on events the decoder took as sound is a finding.
     */
    private static Report merged(byte[] bytes) throws RecordingException {
        PartialMerge merge = PartialMerge.start(OPTIONS);
        try {
            merge.add(ChunkPartial.fromBytes(bytes));
            return merge.finish();
        } catch (IllegalArgumentException | RecordingException e) {
            assertThat(e.getMessage()).doesNotContain("\n", "\r");
            return null;
        } catch (IllegalStateException e) {
            if (e.getCause() != null) {
                throw e;
            }
            assertThat(e.getMessage()).contains("were not added").doesNotContain("\n", "\r");
            return null;
        }
    }
}
