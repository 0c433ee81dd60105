package io.threadwatch.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadwatch.analyzer.ReportAssertions;
import io.threadwatch.analyzer.TestRecordings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets one clear line on stderr and its exit code, never a stack trace; a recording cut
 * short is analyzed up to its last complete chunk.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private static void assertRefused(CliRun run, int exitCode, String message) {
        assertThat(run.exitCode()).isEqualTo(exitCode);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).as("stderr").hasSize(1);
        assertThat(run.err()).startsWith("threadwatch analyze: ").contains(message).doesNotContain("\tat ", "Exception");
    }

    private Path plain(String recording) {
        return TestRecordings.gunzip(TestRecordings.recording(recording), dir.resolve(recording.replace(".gz", "")));
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.jfr");
        assertRefused(CliRun.of("analyze", missing.toString()), ExitCodes.BAD_INPUT, "'" + missing + "': no such file");
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.jfr"));
        assertRefused(CliRun.of("analyze", empty.toString()), ExitCodes.BAD_INPUT, "'" + empty + "' is empty");
    }

    @Test
    void fileThatIsNotJfr() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jfr"), "this is not a flight recording\n");
        assertRefused(CliRun.of("analyze", text.toString()), ExitCodes.BAD_INPUT,
                "'" + text + "' is not a JFR recording (no FLR magic at its start)");
    }

    @Test
    void directory() {
        assertRefused(CliRun.of("analyze", dir.toString()), ExitCodes.BAD_INPUT,
                "'" + dir + "' is a directory, not a recording file");
    }

    @Test
    void unreadableFile() throws IOException {
        Path unreadable;
        if ("root".equals(System.getProperty("user.name"))) {
            // Permission bits do not stop root; this procfs file refuses reads even to root (Linux).
            unreadable = Path.of("/proc/sys/vm/drop_caches");
        } else {
            unreadable = Files.createFile(dir.resolve("secret.jfr"));
            Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        }
        assertRefused(CliRun.of("analyze", unreadable.toString()), ExitCodes.BAD_INPUT,
                "'" + unreadable + "': permission denied");
    }

    @Test
    void recordingCutInsideItsOnlyChunkHasNothingToAnalyze() throws IOException {
        Path whole = plain("deadlock.default-jdk17.jfr.gz");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.jfr"), Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(CliRun.of("analyze", cut.toString()), ExitCodes.BAD_INPUT,
                "'" + cut + "' is truncated inside its first chunk: no complete chunk to analyze (cut inside chunk 1 (");
    }

    @Test
    void recordingCutInsideItsSecondChunkIsAnalyzedUpToTheFirstAndMarkedTruncated() throws IOException {
        byte[] first = Files.readAllBytes(plain("deadlock.default-jdk17.jfr.gz"));
        byte[] second = Files.readAllBytes(plain("idle-pool.default-jdk17.jfr.gz"));
        byte[] both = Arrays.copyOf(first, first.length + second.length / 2);
        System.arraycopy(second, 0, both, first.length, second.length / 2);
        Path cut = Files.write(dir.resolve("two-chunks-cut.jfr"), both);

        CliRun run = CliRun.of("analyze", cut.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode report = ReportAssertions.assertValid(run.out());
        assertThat(report.at("/source/truncated").asBoolean()).isTrue();
        assertThat(report.at("/source/chunks").asInt()).isEqualTo(1);
        assertThat(report.at("/source/skipped/0").asText()).startsWith("two-chunks-cut.jfr: cut inside chunk 2 (");
        assertThat(report.at("/findings/0/kind").asText()).isEqualTo("deadlock");
        assertThat(report.get("findings")).hasSize(1);
    }

    @Test
    void bytesAfterTheLastChunkAreSkippedAndReported() throws IOException {
        byte[] whole = Files.readAllBytes(plain("deadlock.default-jdk17.jfr.gz"));
        byte[] withGarbage = Arrays.copyOf(whole, whole.length + 100);
        Arrays.fill(withGarbage, whole.length, withGarbage.length, (byte) 0x42);
        Path file = Files.write(dir.resolve("garbage.jfr"), withGarbage);

        JsonNode report = ReportAssertions.assertValid(CliRun.of("analyze", file.toString()).out());

        assertThat(report.at("/source/truncated").asBoolean()).isTrue();
        assertThat(report.at("/source/skipped/0").asText())
                .isEqualTo("garbage.jfr: bytes " + whole.length + "-" + (whole.length + 99)
                        + " (100 bytes) after chunk 1 are not a chunk");
        assertThat(report.at("/findings/0/kind").asText()).isEqualTo("deadlock");
    }

    @Test
    void headerOfSizeZeroBetweenChunksIsSkippedAndTheRestAnalyzed() throws IOException {
        byte[] first = Files.readAllBytes(plain("idle-pool.default-jdk17.jfr.gz"));
        byte[] second = Files.readAllBytes(plain("deadlock.default-jdk17.jfr.gz"));
        byte[] zero = Arrays.copyOf(first, 68);
        Arrays.fill(zero, 8, 16, (byte) 0);
        byte[] all = new byte[first.length + zero.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(zero, 0, all, first.length, zero.length);
        System.arraycopy(second, 0, all, first.length + zero.length, second.length);
        Path file = Files.write(dir.resolve("zero-chunk.jfr"), all);

        CliRun run = CliRun.of("analyze", file.toString(), "--fail-on", "critical");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.err()).isEmpty();
        JsonNode report = ReportAssertions.assertValid(run.out());
        assertThat(report.at("/source/chunks").asInt()).isEqualTo(2);
        assertThat(report.at("/source/skipped/0").asText()).isEqualTo("zero-chunk.jfr: bytes " + first.length + "-"
                + (first.length + 67) + " (68 bytes) between chunk 1 and chunk 2 are not a chunk: the header at byte "
                + first.length + " gives a chunk size of 0 bytes, less than the header itself");
        assertThat(report.get("findings").findValuesAsText("kind")).contains("deadlock");
    }

    @Test
    void fileOfOnlyBadHeadersIsRefused() throws IOException {
        byte[] header = Arrays.copyOf(Files.readAllBytes(plain("deadlock.default-jdk17.jfr.gz")), 68);
        Arrays.fill(header, 8, 16, (byte) 0);
        Path file = Files.write(dir.resolve("zero.jfr"), header);
        assertRefused(CliRun.of("analyze", file.toString()), ExitCodes.BAD_INPUT,
                "'" + file + "' has no complete chunk to analyze (bytes 0-67 (68 bytes) are not a chunk: "
                        + "the header at byte 0 gives a chunk size of 0 bytes, less than the header itself)");
    }

    @Test
    void compressedRecordingThatExpandsBeyondTheLimitIsRefused() {
        Path gz = TestRecordings.recording("deadlock.default-jdk17.jfr.gz");
        assertRefused(CliRun.of("analyze", gz.toString(), "--max-decompressed-size", "64k"), ExitCodes.BAD_INPUT,
                "'" + gz + "' expands to more than 65536 bytes when decompressed; raise --max-decompressed-size");
    }

    @Test
    void corruptGzipIsRefused() throws IOException {
        byte[] header = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8};
        Path file = Files.write(dir.resolve("broken.jfr.gz"), header);
        assertRefused(CliRun.of("analyze", file.toString()), ExitCodes.BAD_INPUT, "'" + file + "' is not a valid gzip file");
    }

    @Test
    void gzipOfSomethingElseIsRefusedAsNotJfr() throws IOException {
        Path file = dir.resolve("text.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("hello".getBytes());
        }
        assertRefused(CliRun.of("analyze", file.toString()), ExitCodes.BAD_INPUT,
                "'" + file + "' is not a JFR recording (no FLR magic at its start)");
    }

    @Test
    void plainAndCompressedFormsGiveTheSameFindings() {
        Path gz = TestRecordings.recording("scheduler-leak.default-jdk17.jfr.gz");
        Path jfr = plain("scheduler-leak.default-jdk17.jfr.gz");
        JsonNode fromGz = ReportAssertions.assertValid(CliRun.of("analyze", gz.toString()).out());
        JsonNode fromJfr = ReportAssertions.assertValid(CliRun.of("analyze", jfr.toString()).out());
        assertThat(fromJfr.get("findings")).isEqualTo(fromGz.get("findings"));
        assertThat(fromJfr.get("slis")).isEqualTo(fromGz.get("slis"));
    }

    @Test
    void unknownOptionPrintsTheProblemAndUsage() {
        CliRun run = CliRun.of("analyze", "x.jfr", "--colour");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("Unknown option: '--colour'").contains("Usage: threadwatch analyze");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        CliRun window = CliRun.of("analyze", "x.jfr", "--window", "soon");
        assertThat(window.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(window.err()).contains("'soon' is not a duration; use e.g. 500ms, 30s, 5m, 2h or PT30S");

        CliRun format = CliRun.of("analyze", "x.jfr", "--format", "xml");
        assertThat(format.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.err()).contains("'xml' (expected json, text or html)");

        CliRun failOn = CliRun.of("analyze", "x.jfr", "--fail-on", "fatal");
        assertThat(failOn.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(failOn.err()).contains("unknown severity 'fatal'; expected one of info, warning, critical");

        CliRun noFile = CliRun.of("analyze");
        assertThat(noFile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noFile.err()).contains("Missing required parameter: 'FILE'");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("missing command");
    }
}
