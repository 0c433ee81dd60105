package io.threadwatch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.source.Parser;
import io.threadwatch.analyzer.source.RecordingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged recording is analyzed as far as its intact chunks go, and the report says which bytes
 * were left out and why. The oracle is exact: the damaged file gives the findings and SLIs of a
 * clean file made of the chunks that survived.
 *
 * <p>The sample recordings have one chunk each; files of several chunks are built by
 * concatenation, which JFR allows. hot-lock (contention) was recorded before deadlock, so
 * {@code HOT_LOCK + DEADLOCK} is in time order.
 */
class DamagedRecordingTest {

    private static final String HOT_LOCK_17 = "hot-lock.default-jdk17.jfr.gz";
    private static final String DEADLOCK_17 = "deadlock.default-jdk17.jfr.gz";
    private static final String HOT_LOCK_25 = "hot-lock.threadwatch-jdk25.jfr.gz";
    private static final String DEADLOCK_25 = "deadlock.threadwatch-jdk25.jfr.gz";
    private static final int HEADER_BYTES = 68;
    private static final int SIZE_FIELD = 8;

    @TempDir
    static Path dir;

    private static byte[] hotLock;
    private static byte[] deadlock;
    private static Report hotLockAlone;
    private static Report bothClean;

    @BeforeAll
    static void analyzeTheCleanFiles() throws Exception {
        hotLock = plain(HOT_LOCK_17);
        deadlock = plain(DEADLOCK_17);
        hotLockAlone = analyze(write("hot-lock.jfr", hotLock));
        bothClean = analyze(write("both.jfr", hotLock, deadlock));
        assertThat(kinds(hotLockAlone)).containsExactly("contention");
        assertThat(kinds(bothClean)).contains("contention", "deadlock");
    }

    @Test
    void recordingCutInsideItsSecondChunkKeepsTheFirst() throws Exception {
        int kept = deadlock.length / 2;
        Report report = analyze(write("cut-chunk.jfr", hotLock, Arrays.copyOf(deadlock, kept)));

        assertSkipped(report, 1, "cut-chunk.jfr: cut inside chunk 2 (" + kept + " of " + deadlock.length
                + " bytes, from byte " + hotLock.length + ")");
        assertSameAnalysis(report, hotLockAlone);
    }

    /**
     * Every flush writes a copy of the chunk's header, unfinished, into the chunk itself (about one a
     * second; 3,606 in the hour-long sample). A chunk cut after some of them is still one chunk cut
     * short, not hundreds of unfinished ones: the walk used to resynchronize on each copy and list
     * every stretch between two of them.
     */
    @Test
    void recordingCutLateInsideItsSecondChunkIsOneCutChunkNotItsFlushHeaders() throws Exception {
        int kept = deadlock.length - 1000;
        Report report = analyze(write("cut-late.jfr", hotLock, Arrays.copyOf(deadlock, kept)));

        assertSkipped(report, 1, "cut-late.jfr: cut inside chunk 2 (" + kept + " of " + deadlock.length
                + " bytes, from byte " + hotLock.length + ")");
        assertSameAnalysis(report, hotLockAlone);
    }

    @Test
    void recordingCutInsideTheSecondChunksHeaderKeepsTheFirst() throws Exception {
        Report report = analyze(write("cut-header.jfr", hotLock, Arrays.copyOf(deadlock, 30)));

        assertSkipped(report, 1, "cut-header.jfr: cut inside the header of chunk 2 (30 of 68 bytes, from byte "
                + hotLock.length + ")");
        assertSameAnalysis(report, hotLockAlone);
    }

    @Test
    void chunkOfJdk17FollowedByOneOfJdk25IsReadWhole() throws Exception {
        assertMixedBuildsReadAsSeparateFiles(HOT_LOCK_17, DEADLOCK_25, "25.");
    }

    @Test
    void chunkOfJdk25FollowedByOneOfJdk17IsReadWhole() throws Exception {
        assertMixedBuildsReadAsSeparateFiles(HOT_LOCK_25, DEADLOCK_17, "17.");
    }

    /**
     * The JDK's parser alone reads only the first chunk of such a file and stops without an error
     * (jfr-reference §12); the JVM of the report is that of the last chunk read.
     */
    private static void assertMixedBuildsReadAsSeparateFiles(String first, String second, String lastJdk)
            throws Exception {
        Path firstFile = write("first.jfr", plain(first));
        Path secondFile = write("second.jfr", plain(second));
        Report mixed = analyze(write("mixed.jfr", plain(first), plain(second)));
        // Two JVMs' files are refused as one recording; merged here only to compare with the mixed file.
        Report separate = Analyzer.analyze(List.of(firstFile, secondFile), AnalysisOptions.defaults(),
                AnalysisProgress.Listener.NONE, false);

        assertSkipped(mixed, 2);
        assertThat(mixed.source().jvm().version()).startsWith(lastJdk);
        assertThat(kinds(mixed)).contains("deadlock");
        assertSameAnalysis(mixed, separate);
    }

    @Test
    void headerOfSizeZeroBetweenChunksIsSkipped() throws Exception {
        Report report = analyze(write("zero.jfr", hotLock, headerOfSize(0), deadlock));

        assertSkipped(report, 2, "zero.jfr: bytes " + hotLock.length + "-" + (hotLock.length + 67)
                + " (68 bytes) between chunk 1 and chunk 2 are not a chunk: the header at byte " + hotLock.length
                + " gives a chunk size of 0 bytes, less than the header itself");
        assertSameAnalysis(report, bothClean);
    }

    @Test
    void headerSmallerThanItselfAfterTheLastChunkIsSkipped() throws Exception {
        Report report = analyze(write("small.jfr", hotLock, headerOfSize(40)));

        assertSkipped(report, 1, "small.jfr: bytes " + hotLock.length + "-" + (hotLock.length + 67)
                + " (68 bytes) after chunk 1 are not a chunk: the header at byte " + hotLock.length
                + " gives a chunk size of 40 bytes, less than the header itself");
        assertSameAnalysis(report, hotLockAlone);
    }

    @Test
    void randomBytesAfterTheLastChunkAreSkipped() throws Exception {
        Report report = analyze(write("tail.jfr", hotLock, randomBytes(1000)));

        assertSkipped(report, 1, "tail.jfr: bytes " + hotLock.length + "-" + (hotLock.length + 999)
                + " (1000 bytes) after chunk 1 are not a chunk");
        assertSameAnalysis(report, hotLockAlone);
    }

    @Test
    void randomBytesBetweenChunksAreSkipped() throws Exception {
        Report report = analyze(write("middle.jfr", hotLock, randomBytes(1000), deadlock));

        assertSkipped(report, 2, "middle.jfr: bytes " + hotLock.length + "-" + (hotLock.length + 999)
                + " (1000 bytes) between chunk 1 and chunk 2 are not a chunk");
        assertSameAnalysis(report, bothClean);
    }

    /**
     * A chunk cut short and followed by another has a size that reaches into the next one; its
     * last constant pool, which the JVM writes at the chunk's end, is then not where its header says.
     */
    @Test
    void chunkCutShortBeforeAnotherChunkIsSkipped() throws Exception {
        byte[] idle = plain("idle-pool.default-jdk17.jfr.gz");
        int kept = idle.length / 2;
        Report report = analyze(write("cut-middle.jfr", hotLock, Arrays.copyOf(idle, kept), deadlock));

        assertSkipped(report, 2, "cut-middle.jfr: bytes " + hotLock.length + "-" + (hotLock.length + kept - 1)
                + " (" + kept + " bytes) between chunk 1 and chunk 2 are not a chunk: the header at byte "
                + hotLock.length + " gives a constant pool offset (" + constantPoolOffset(idle)
                + ") where there is no constant pool; the chunk is cut short or overwritten");
        assertSameAnalysis(report, bothClean);
    }

    @Test
    void fileOfOnlyABadHeaderIsRefusedWithOneLine() {
        Path file = write("only-header.jfr", headerOfSize(0));

        assertThatThrownBy(() -> analyze(file)).isInstanceOf(RecordingException.class)
                .hasMessage("'" + file + "' has no complete chunk to analyze (bytes 0-67 (68 bytes) are not a chunk: "
                        + "the header at byte 0 gives a chunk size of 0 bytes, less than the header itself)");
    }

    /**
     * Found by fuzzing: with the stack frame's method type renamed in the metadata, JMC's parser
     * hands out the frame's fields untyped and failed deep inside a translator. It must refuse in one
     * line naming the file, while our decoder, which looks frames up by position, still reads it.
     */
    @Test
    void renamedMethodTypeInTheMetadataIsAOneLineRefusalFromJmcAndReadByTheDefaultParser() throws Exception {
        byte[] renamed = replaceAll(hotLock, "jdk.types.Method", "jdk.types.Mfthod");
        Path file = write("renamed-method-type.jfr", renamed);

        assertThatThrownBy(() -> Analyzer.analyze(List.of(file), AnalysisOptions.defaults().withParser(Parser.JMC)))
                .isInstanceOf(RecordingException.class)
                .hasMessageStartingWith("'" + file.getFileName() + "': JMC's parser fails on a ")
                .hasMessageContaining("damaged metadata")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertSameAnalysis(analyze(file), hotLockAlone);
    }

    /**
     * JMC's parser is given only the chunks the walk kept. It believes each header it meets: one
     * between the chunks claiming 1.5 GB made it allocate that much before reading a byte (or fail
     * for want of heap), and the bytes after it ended its reading, so the second chunk was lost.
     */
    @Test
    void jmcIsGivenOnlyTheChunksTheWalkKept() throws Exception {
        Path damaged = write("jmc-middle.jfr", hotLock, headerOfSize(1_500_000_000L), randomBytes(1000), deadlock);
        Path clean = write("jmc-both.jfr", hotLock, deadlock);
        AnalysisOptions jmc = AnalysisOptions.defaults().withParser(Parser.JMC);

        Report report = Analyzer.analyze(List.of(damaged), jmc);

        assertThat(report.source().chunks()).isEqualTo(2);
        assertThat(report.source().skipped()).hasSize(1);
        assertSameAnalysis(report, Analyzer.analyze(List.of(clean), jmc));
    }

    private static byte[] replaceAll(byte[] bytes, String from, String to) {
        byte[] target = from.getBytes(StandardCharsets.ISO_8859_1);
        byte[] replacement = to.getBytes(StandardCharsets.ISO_8859_1);
        byte[] copy = bytes.clone();
        int replaced = 0;
        for (int i = 0; i + target.length <= copy.length; i++) {
            if (Arrays.equals(copy, i, i + target.length, target, 0, target.length)) {
                System.arraycopy(replacement, 0, copy, i, replacement.length);
                replaced++;
            }
        }
        assertThat(replaced).as("occurrences of " + from).isPositive();
        return copy;
    }

    private static Report analyze(Path file) throws RecordingException {
        return Analyzer.analyze(List.of(file), AnalysisOptions.defaults());
    }

    private static void assertSkipped(Report report, int chunks, String... skipped) {
        assertThat(report.source().chunks()).as("chunks").isEqualTo(chunks);
        assertThat(report.source().truncated()).as("truncated").isEqualTo(skipped.length > 0);
        assertThat(report.source().skipped()).as("skipped").containsExactly(skipped);
    }

    private static void assertSameAnalysis(Report damaged, Report clean) {
        assertThat(damaged.findings()).as("findings").isEqualTo(clean.findings());
        assertThat(damaged.slis()).as("slis").isEqualTo(clean.slis());
    }

    private static List<String> kinds(Report report) {
        return report.findings().stream().map(Finding::kind).toList();
    }

    /** The first header of a real recording with its size field replaced. */
    private static byte[] headerOfSize(long size) {
        byte[] header = Arrays.copyOf(hotLock, HEADER_BYTES);
        ByteBuffer.wrap(header).putLong(SIZE_FIELD, size);
        return header;
    }

    private static long constantPoolOffset(byte[] chunk) {
        return ByteBuffer.wrap(chunk).getLong(16);
    }

    /** Seeded noise; the seed gives bytes without {@code FLR}, so no chunk can start inside them. */
    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new Random(42).nextBytes(bytes);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("FLR");
        return bytes;
    }

    private static byte[] plain(String recording) {
        try {
            return Files.readAllBytes(TestRecordings.gunzip(TestRecordings.recording(recording),
                    dir.resolve(recording.replace(".gz", ""))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(String name, byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        try {
            return Files.write(dir.resolve(name), all.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
