package io.threadwatch.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadwatch.analyzer.ManyChunkRecording;
import io.threadwatch.analyzer.ReportAssertions;
import io.threadwatch.analyzer.TestRecordings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several files are one recording, in time order, when they are the chunk files of one JVM; files
 * of different JVMs are refused.
 */
class MultiFileTest {

    @TempDir
    static Path dir;

    private static Path whole;
    private static List<Path> chunkFiles;

    /** A JVM's repository: this JVM's recording, one file per chunk. */
    @BeforeAll
    static void recordOneJvmInChunkFiles() throws Exception {
        whole = ManyChunkRecording.record(dir.resolve("whole.jfr"), Duration.ofSeconds(2));
        Path repository = dir.resolve("repository");
        java.nio.file.Files.createDirectories(repository);
        chunkFiles = ManyChunkRecording.splitIntoChunkFiles(whole, repository);
    }

    @Test
    void chunkFilesOfOneJvmAreAnalyzedAsOneRecordingInTimeOrder() {
        assertThat(chunkFiles).as("chunk files made for this test").hasSizeGreaterThanOrEqualTo(4);
        List<String> shuffled = new ArrayList<>(chunkFiles.stream().map(Path::toString).toList());
        Collections.reverse(shuffled);
        List<String> args = new ArrayList<>(List.of("analyze"));
        args.addAll(shuffled);

        CliRun merged = CliRun.of(args.toArray(String[]::new));
        CliRun single = CliRun.of("analyze", whole.toString());

        assertThat(merged.exitCode()).as(merged.err()).isZero();
        JsonNode report = ReportAssertions.assertValid(merged.out());
        JsonNode expected = ReportAssertions.assertValid(single.out());
        assertThat(report.at("/source/chunks").asInt()).isEqualTo(chunkFiles.size());
        assertThat(report.at("/source/name").asText()).startsWith("chunk-0.jfr, chunk-1.jfr");
        assertThat(report.get("findings")).isEqualTo(expected.get("findings"));
        assertThat(report.get("slis")).isEqualTo(expected.get("slis"));
    }

    @Test
    void filesOfDifferentJvmsAreRefusedNamingTwoAndWhatDiffers() {
        String deadlock = TestRecordings.recording("deadlock.default-jdk17.jfr.gz").toString();
        String leak = TestRecordings.recording("scheduler-leak.default-jdk17.jfr.gz").toString();

        CliRun run = CliRun.of("analyze", deadlock, leak);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        // Named in time order: the leak sample was recorded first.
        assertThat(run.err()).startsWith("threadwatch analyze: 'scheduler-leak.default-jdk17.jfr.gz' and "
                        + "'deadlock.default-jdk17.jfr.gz' were recorded by different JVMs (pid ")
                .containsPattern("pid \\d+, started 20\\d\\d-.*; pid \\d+, started 20\\d\\d-")
                .contains("--each");
    }
}
