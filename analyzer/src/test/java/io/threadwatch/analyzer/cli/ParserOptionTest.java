package io.threadwatch.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadwatch.analyzer.ReportAssertions;
import io.threadwatch.analyzer.TestRecordings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --parser} picks the parser; without it the JDK's parser reads what it can and JMC's reads
 * the rest (zip, LZ4, JDK 7/8 recordings), and the report's {@code source.parser} says which and why.
 */
class ParserOptionTest {

    private static final String DEADLOCK = "deadlock.default-jdk17.jfr.gz";

    @TempDir
    Path dir;

    private Path plain() {
        return TestRecordings.gunzip(TestRecordings.recording(DEADLOCK), dir.resolve("deadlock.jfr"));
    }

    private Path zipped() throws IOException {
        Path zip = dir.resolve("deadlock.jfr.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("deadlock.jfr"));
            Files.copy(plain(), out);
            out.closeEntry();
        }
        return zip;
    }

    private static JsonNode analyze(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        return ReportAssertions.assertValid(run.out());
    }

    private static void assertRefusedInOneLine(CliRun run, String message) {
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).as("stderr").hasSize(1);
        assertThat(run.err()).startsWith("threadwatch analyze: ").contains(message).doesNotContain("\tat ");
    }

    @Test
    void jmcReadsTheRecordingWhenChosenAndTheReportSaysSo() {
        String recording = TestRecordings.recording(DEADLOCK).toString();
        JsonNode jmc = analyze("analyze", "--parser", "jmc", recording);
        JsonNode jdk = analyze("analyze", "--parser", "jdk", recording);

        assertThat(jmc.at("/source/parser/name").asText()).isEqualTo("jmc");
        assertThat(jmc.at("/source/parser/fallback").asText()).isEmpty();
        assertThat(jdk.at("/source/parser/name").asText()).isEqualTo("jdk");
        assertThat(jmc.get("findings")).isEqualTo(jdk.get("findings"));
        assertThat(jmc.at("/findings/0/kind").asText()).isEqualTo("deadlock");
    }

    @Test
    void anUnknownParserIsAUsageErrorStatedOnTheFirstLine() {
        CliRun run = CliRun.of("analyze", "x.jfr", "--parser", "jfr");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().findFirst()).hasValue(
                "Invalid value for option '--parser': 'jfr' is not a parser; use one of threadwatch, jdk, jmc");
    }

    @Test
    void aZipRecordingFallsBackToJmcAndTheReportSaysWhy() throws IOException {
        Path zip = zipped();
        JsonNode report = analyze("analyze", zip.toString());
        JsonNode fromGz = analyze("analyze", TestRecordings.recording(DEADLOCK).toString());

        assertThat(report.at("/source/parser/name").asText()).isEqualTo("jmc");
        assertThat(report.at("/source/parser/fallback").asText())
                .isEqualTo("'deadlock.jfr.zip' is zip-compressed, which only the jmc parser reads (--parser jmc)");
        assertThat(report.at("/source/chunks").asInt()).isEqualTo(1);
        assertThat(report.at("/source/start")).isEqualTo(fromGz.at("/source/start"));
        assertThat(report.at("/source/end")).isEqualTo(fromGz.at("/source/end"));
        assertThat(report.get("findings")).isEqualTo(fromGz.get("findings"));
        assertThat(report.get("slis")).isEqualTo(fromGz.get("slis"));
    }

    @Test
    void anLz4RecordingFallsBackToJmc() throws IOException {
        Path lz4 = dir.resolve("deadlock.jfr.lz4");
        try (OutputStream out = new LZ4FrameOutputStream(Files.newOutputStream(lz4))) {
            Files.copy(plain(), out);
        }
        JsonNode report = analyze("analyze", lz4.toString());
        assertThat(report.at("/source/parser/name").asText()).isEqualTo("jmc");
        assertThat(report.at("/source/parser/fallback").asText()).contains("is LZ4-compressed");
        assertThat(report.at("/findings/0/kind").asText()).isEqualTo("deadlock");
    }

    @Test
    void aZipRecordingIsRefusedInOneLineWhenAnotherParserIsChosen() throws IOException {
        Path zip = zipped();
        assertRefusedInOneLine(CliRun.of("analyze", "--parser", "jdk", zip.toString()),
                "'deadlock.jfr.zip' is zip-compressed, which only the jmc parser reads (--parser jmc)");
    }

    @Test
    void aJdk8FormatChunkGoesToJmcAndIsRefusedInOneLineWhenJmcCannotReadIt() throws IOException {
        // A JDK 11+ chunk relabelled as format 0.x: routed to JMC, which cannot make sense of it.
        byte[] bytes = Files.readAllBytes(plain());
        bytes[4] = 0;
        bytes[5] = 0;
        Path old = Files.write(dir.resolve("relabelled.jfr"), bytes);
        assertRefusedInOneLine(CliRun.of("analyze", old.toString()), "is a JDK 7/8 recording (JFR format 0.x)");
    }

    /**
     * Found by fuzzing: JMC's index sizes one array from a format 0.x header's metadata offset
     * before reading, so an offset near 2 GB in a file of a few hundred KB failed the JVM's
     * allocation (an OutOfMemoryError, not an exception). The offset is checked against the data first.
     */
    @Test
    void aJdk8FormatHeaderWhoseMetadataLiesBeyondAnyArrayIsRefusedInOneLine() throws IOException {
        Path old = relabelledAsFormat0WithMetadataAt(0x7F00_0000L);
        assertRefusedInOneLine(CliRun.of("analyze", old.toString()), "'" + old + "' is a JDK 7/8 recording (JFR "
                + "format 0.x), but holds no whole chunk: chunk 1 (from byte 0) is cut short or damaged: its header "
                + "puts its metadata at byte 2130706432, outside 16-1789569699");
    }

    @Test
    void aJdk8FormatHeaderWhoseMetadataLiesPastTheEndOfTheFileIsRefusedInOneLine() throws IOException {
        Path old = relabelledAsFormat0WithMetadataAt(500_000_000L);
        assertRefusedInOneLine(CliRun.of("analyze", old.toString()), "holds no whole chunk: chunk 1 (from byte 0) is "
                + "cut short or damaged: its header puts its metadata at byte 500000000, and the data ends at byte "
                + Files.size(old));
    }

    /**
     * A zip whose last chunk is cut: JMC's index refused the whole file, and its load would have
     * tried to hold the cut chunk. The whole chunk is analyzed and the cut one listed.
     */
    @Test
    void aZipRecordingCutInsideItsSecondChunkKeepsTheFirstAndSaysSo() throws IOException {
        byte[] chunk = Files.readAllBytes(plain());
        Path zip = zippedBytes("cut.jfr.zip", chunk, Arrays.copyOf(chunk, 1000));
        JsonNode report = analyze("analyze", zip.toString());
        JsonNode whole = analyze("analyze", zipped().toString());

        assertThat(report.at("/source/chunks").asInt()).isEqualTo(1);
        assertThat(report.at("/source/truncated").asBoolean()).isTrue();
        assertThat(report.at("/source/skipped/0").asText()).isEqualTo("cut.jfr.zip: chunk 2 (from byte "
                + chunk.length + ") is cut short or damaged: its header gives a size of " + chunk.length
                + " bytes, and the data ends after 1000");
        assertThat(report.get("findings")).isEqualTo(whole.get("findings"));
    }

    /** A zip whose only chunk claims 1.5 GB: JMC's load would have allocated that much and been told to get more heap. */
    @Test
    void aZipRecordingWhoseChunkClaimsMoreThanItHoldsIsRefusedInOneLine() throws IOException {
        ByteBuffer chunk = ByteBuffer.wrap(Files.readAllBytes(plain()));
        chunk.putLong(8, 1_500_000_000L);
        Path zip = zippedBytes("claims.jfr.zip", chunk.array());
        assertRefusedInOneLine(CliRun.of("analyze", zip.toString()), "'" + zip + "' is zip-compressed, but holds no "
                + "whole chunk: chunk 1 (from byte 0) is cut short or damaged: its header gives a size of 1500000000 "
                + "bytes, and the data ends after " + chunk.capacity());
    }

    /**
     * A zip entry whose name is not UTF-8: JDK 17's zip reader throws IllegalArgumentException
     * (JDK 25's a ZipException), which escaped as an internal error (found by fuzzing).
     */
    @Test
    void aZipWhoseEntryNameIsNotUtf8IsRefusedInOneLine() throws IOException {
        byte[] bytes = Files.readAllBytes(zippedBytes("name.jfr.zip", Files.readAllBytes(plain())));
        // The local header's name starts at byte 30: make its first two bytes a broken UTF-8 sequence.
        bytes[30] = (byte) 0xC3;
        bytes[31] = (byte) 0x28;
        Path zip = Files.write(dir.resolve("name.jfr.zip"), bytes);
        assertRefusedInOneLine(CliRun.of("analyze", zip.toString()),
                "'" + zip + "' is zip-compressed but cannot be read: ");
    }

    private Path relabelledAsFormat0WithMetadataAt(long metadataAt) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(plain()));
        bytes.putShort(4, (short) 0);
        bytes.putLong(8, metadataAt);
        return Files.write(dir.resolve("relabelled.jfr"), bytes.array());
    }

    private Path zippedBytes(String name, byte[]... parts) throws IOException {
        Path zip = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(name.replace(".zip", "")));
            for (byte[] part : parts) {
                out.write(part);
            }
            out.closeEntry();
        }
        return zip;
    }
}
