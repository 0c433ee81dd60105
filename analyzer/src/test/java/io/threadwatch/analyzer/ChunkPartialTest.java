package io.threadwatch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.source.Parser;
import io.threadwatch.analyzer.source.RecordingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Analyzing a recording chunk by chunk, each chunk's partial shipped as bytes and the partials
 * merged, gives the report of analyzing the file whole with Threadwatch's parser, byte for byte:
 * on every committed recording, on a recording of many chunks and on one with a corrupt chunk
 * between good ones. Partials merged out of order, twice, from another recording or damaged are
 * refused with a message, never merged into a wrong report.
 */
class ChunkPartialTest {

    private static final AnalysisOptions THREADWATCH = AnalysisOptions.defaults().withParser(Parser.THREADWATCH);

    @TempDir
    static Path dir;

    private static Path manyChunks;
    private static List<ChunkPartial> manyChunkPartials;

    @BeforeAll
    static void recordManyChunks() throws Exception {
        manyChunks = ManyChunkRecording.record(dir.resolve("many-chunks.jfr"), Duration.ofSeconds(2));
        manyChunkPartials = allOf(manyChunks, AnalysisOptions.defaults());
        assertThat(manyChunkPartials).as("partials of a recording rotated every 200 ms").hasSizeGreaterThan(4);
    }

    static List<TestRecordings.Expectation> recordings() {
        return TestRecordings.expectations();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void mergedPartialsGiveTheReportOfTheWholeFile(TestRecordings.Expectation expectation) throws Exception {
        Path file = expectation.recording();
        String whole;
        try {
            whole = json(Analyzer.analyze(List.of(file), THREADWATCH));
        } catch (RecordingException e) {
            assertThatThrownBy(() -> mergeShipped(allOf(file, AnalysisOptions.defaults())))
                    .as("a recording Threadwatch's parser refuses").isInstanceOf(RecordingException.class);
            return;
        }
        assertThat(json(mergeShipped(allOf(file, AnalysisOptions.defaults())))).isEqualTo(whole);
    }

    @Test
    void mergedPartialsOfManyChunksGiveTheReportOfTheWholeFile() throws Exception {
        String whole = json(Analyzer.analyze(List.of(manyChunks), THREADWATCH));

        assertThat(json(mergeShipped(manyChunkPartials))).isEqualTo(whole);
    }

    /** Each partial is made on its own, as an executor would: the same bytes as when made in a row. */
    @Test
    void aChunkReadOnItsOwnGivesTheSamePartialAsReadInTurn() throws Exception {
        for (int chunk : List.of(0, manyChunkPartials.size() / 2, manyChunkPartials.size() - 1)) {
            ChunkPartial alone = ChunkPartial.of(manyChunks, chunk, AnalysisOptions.defaults());

            assertThat(alone.chunk()).isEqualTo(chunk);
            assertThat(alone.chunks()).isEqualTo(manyChunkPartials.size());
            assertThat(alone.events()).isPositive();
            assertThat(alone.toBytes()).as("chunk " + chunk).isEqualTo(manyChunkPartials.get(chunk).toBytes());
        }
    }

    @Test
    void aCorruptChunkBetweenGoodOnesIsSkippedAsWhenTheFileIsAnalyzedWhole() throws Exception {
        byte[] first = plain("hot-lock.default-jdk17.jfr.gz");
        byte[] second = plain("deadlock.default-jdk17.jfr.gz");
        byte[] corrupt = second.clone();
        // Its first events overwritten, header, metadata and constant pools kept: the walk keeps the
        // chunk, and decoding fails in it.
        Arrays.fill(corrupt, 68, 1068, (byte) 0xFF);
        Path file = write("corrupt-middle.jfr", first, corrupt, second);
        Report whole = Analyzer.analyze(List.of(file), THREADWATCH);
        assertThat(whole.source().skipped()).as("what the whole file's analysis skipped").hasSize(1);

        List<ChunkPartial> partials = allOf(file, AnalysisOptions.defaults());

        assertThat(partials.get(1).skipped()).contains(whole.source().skipped().get(0));
        assertThat(partials.get(0).skipped()).isEmpty();
        assertThat(json(mergeShipped(partials))).isEqualTo(json(whole));
    }

    /** Nothing left to analyze: the merge refuses as the whole file's analysis does, and says what to do. */
    @Test
    void aRecordingWhoseEveryChunkIsCorruptIsRefusedAsWhenAnalyzedWhole() throws Exception {
        byte[] corrupt = plain("deadlock.default-jdk17.jfr.gz");
        Arrays.fill(corrupt, 68, 1068, (byte) 0xFF);
        Path file = write("all-corrupt.jfr", corrupt);
        RecordingException whole = assertThrows(RecordingException.class,
                () -> Analyzer.analyze(List.of(file), THREADWATCH));

        assertThatThrownBy(() -> mergeShipped(allOf(file, AnalysisOptions.defaults())))
                .isInstanceOf(RecordingException.class)
                .hasMessage(whole.getMessage() + "; analyze the file whole, which tries JMC's parser next")
                .satisfies(e -> assertThat(((RecordingException) e).otherParserMayRead()).isTrue());
        assertThat(whole.getMessage()).startsWith("'all-corrupt.jfr': Threadwatch's parser cannot read any of its 1 chunk; ");
    }

    /** What the walk of the file leaves out is the recording's, and every partial carries it. */
    @Test
    void bytesTheWalkLeavesOutAreReportedAsWhenTheFileIsAnalyzedWhole() throws Exception {
        byte[] first = plain("hot-lock.default-jdk17.jfr.gz");
        byte[] second = plain("deadlock.default-jdk17.jfr.gz");
        byte[] noMetadata = second.clone();
        Arrays.fill(noMetadata, 68, noMetadata.length - 1, (byte) 0);
        Path file = write("no-metadata-middle.jfr", first, noMetadata, second);
        Report whole = Analyzer.analyze(List.of(file), THREADWATCH);
        assertThat(whole.source().skipped()).as("what the whole file's analysis skipped").hasSize(1);

        List<ChunkPartial> partials = allOf(file, AnalysisOptions.defaults());

        assertThat(partials).hasSize(2).allSatisfy(partial -> assertThat(partial.skipped()).isEmpty());
        assertThat(json(mergeShipped(partials))).isEqualTo(json(whole));
    }

    @Test
    void partialsOutOfOrderOrTwiceAreRefused() {
        PartialMerge merge = PartialMerge.start(AnalysisOptions.defaults());
        assertThatThrownBy(() -> merge.add(manyChunkPartials.get(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunk 1 of 'many-chunks.jfr' added where chunk 0 belongs: add the partials in chunk order,"
                        + " each once");

        PartialMerge inOrder = PartialMerge.start(AnalysisOptions.defaults());
        inOrder.add(manyChunkPartials.get(0));
        assertThatThrownBy(() -> inOrder.add(manyChunkPartials.get(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("chunk 0 of 'many-chunks.jfr' added where chunk 1 belongs");
        assertThatThrownBy(inOrder::finish)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("chunks 1 to " + (manyChunkPartials.size() - 1) + " of 'many-chunks.jfr' were not added: a"
                        + " report needs every chunk's partial");
    }

    @Test
    void aPartialOfAnotherRecordingIsRefused() throws Exception {
        ChunkPartial other = ChunkPartial.of(TestRecordings.recording("deadlock.default-jdk17.jfr.gz"), 0,
                AnalysisOptions.defaults());
        PartialMerge merge = PartialMerge.start(AnalysisOptions.defaults());
        merge.add(manyChunkPartials.get(0));

        assertThatThrownBy(() -> merge.add(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a partial of 'deadlock.default-jdk17.jfr.gz', ")
                .hasMessageContaining(" added to the merge of 'many-chunks.jfr', " + Files.size(manyChunks) + " bytes, "
                        + manyChunkPartials.size() + " chunks from 20")
                .hasMessageEndingWith(": merge each recording's partials on their own");
        assertThat(other.sameRecordingAs(manyChunkPartials.get(0))).isFalse();
        assertThat(manyChunkPartials.get(1).sameRecordingAs(manyChunkPartials.get(0))).isTrue();
    }

    @Test
    void aFinishedMergeTakesNothingMore() throws Exception {
        ChunkPartial only = ChunkPartial.of(TestRecordings.recording("deadlock.default-jdk17.jfr.gz"), 0,
                AnalysisOptions.defaults());
        PartialMerge merge = PartialMerge.start(AnalysisOptions.defaults());
        merge.add(only);
        merge.finish();

        assertThatThrownBy(() -> merge.add(only)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this merge has finished: start another");
        assertThatThrownBy(merge::finish).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PartialMerge.start(AnalysisOptions.defaults()).finish())
                .isInstanceOf(IllegalStateException.class).hasMessage("no partial was added");
    }

    @Test
    void aChunkTheFileDoesNotHaveOrAnotherParserIsRefused() {
        assertThatThrownBy(() -> ChunkPartial.of(manyChunks, manyChunkPartials.size(), AnalysisOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'many-chunks.jfr' has " + manyChunkPartials.size() + " chunks, numbered from 0: there is "
                        + "no chunk " + manyChunkPartials.size());
        assertThatThrownBy(() -> ChunkPartial.of(manyChunks, -1, AnalysisOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> allOf(manyChunks, AnalysisOptions.defaults().withParser(Parser.JMC)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partials are read with the threadwatch parser, which reads a chunk on its own; the options"
                        + " name jmc");
    }

    @Test
    void aFileThatIsNotJfrIsRefusedAsAnalyzeRefusesIt() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a recording\n");

        assertThatThrownBy(() -> Analyzer.analyze(List.of(text), AnalysisOptions.defaults()))
                .isInstanceOf(RecordingException.class)
                .satisfies(whole -> assertThatThrownBy(() -> ChunkPartial.of(text, 0, AnalysisOptions.defaults()))
                        .isInstanceOf(RecordingException.class).hasMessage(whole.getMessage()));
    }

    @Test
    void bytesThatAreNotAPartialAreRefused() throws Exception {
        assertThatThrownBy(() -> ChunkPartial.fromBytes(Files.readAllBytes(manyChunks)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a Threadwatch chunk partial (it starts with 0x464c5200, not TWCP)");
        assertThatThrownBy(() -> ChunkPartial.fromBytes(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a Threadwatch chunk partial (it starts with nothing, not TWCP)");
        byte[] otherVersion = manyChunkPartials.get(0).toBytes();
        // The version string follows the magic and the format byte, after its 4-byte length.
        otherVersion[9] = (byte) '9';
        assertThatThrownBy(() -> ChunkPartial.fromBytes(otherVersion))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a chunk partial made by Threadwatch 9")
                .hasMessageEndingWith(": make the partials and merge them with the same version");
    }

    /**
     * Damage where the header's strings are is refused without printing the damage: the fuzzer
     * found a partial whose version, 105 bytes long, took in binary and line breaks, and the
     * refusal printed them all.
     */
    @Test
    void damageInTheHeadersStringsIsRefusedInOneReadableLine() {
        byte[] bytes = manyChunkPartials.get(0).toBytes();
        // After magic (4) and format (1): the version's length (4) and bytes, then the name's.
        int versionLength = ByteBuffer.wrap(bytes, 5, 4).getInt();
        byte[] binaryVersion = bytes.clone();
        binaryVersion[9] = '\n';
        byte[] binaryName = bytes.clone();
        binaryName[9 + versionLength + 4] = 0;

        assertThatThrownBy(() -> ChunkPartial.fromBytes(binaryVersion))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a damaged chunk partial: its header holds no Threadwatch version");
        assertThatThrownBy(() -> ChunkPartial.fromBytes(binaryName))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a damaged chunk partial: its recording's name holds control characters");
    }

    /**
     * A partial cut short anywhere is refused when it is read, or its events when they are merged,
     * with an {@link IllegalArgumentException}; and a merge that met damaged events takes no more.
     */
    @Test
    void aPartialCutShortAnywhereIsRefused() {
        byte[] bytes = manyChunkPartials.get(1).toBytes();
        for (int length = 0; length < bytes.length; length += Math.max(1, bytes.length / 997)) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> {
                PartialMerge merge = PartialMerge.start(AnalysisOptions.defaults());
                merge.add(manyChunkPartials.get(0));
                merge.add(ChunkPartial.fromBytes(cut));
            }).as("cut at " + length + " of " + bytes.length).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Flipped bytes in a partial's events: refused with a message, or read as other values; never another failure. */
    @Test
    void damagedEventsAreRefusedWithAMessage() {
        byte[] bytes = manyChunkPartials.get(1).toBytes();
        int eventsAt = bytes.length - manyChunkPartials.get(1).eventBytes().length;
        Random random = new Random(7);
        int refused = 0;
        for (int i = 0; i < 300; i++) {
            byte[] damaged = bytes.clone();
            for (int flips = 0; flips < 3; flips++) {
                damaged[eventsAt + random.nextInt(bytes.length - eventsAt)] ^= (byte) (1 << random.nextInt(8));
            }
            PartialMerge merge = PartialMerge.start(AnalysisOptions.defaults());
            merge.add(manyChunkPartials.get(0));
            try {
                merge.add(ChunkPartial.fromBytes(damaged));
            } catch (IllegalArgumentException e) {
                refused++;
                assertThat(e.getMessage()).as("flip " + i).startsWith("damaged partial events: ").doesNotContain("\n");
                assertThatThrownBy(() -> merge.add(manyChunkPartials.get(2)))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("this merge failed earlier (chunk 1: damaged partial events: ");
            }
        }
        assertThat(refused).as("damaged partials refused").isPositive();
    }

    /** The events ship in far fewer bytes than the chunk holds: the merging machine reads no JFR. */
    @Test
    void aPartialIsSmallerThanItsChunk() throws Exception {
        long partials = manyChunkPartials.stream().mapToLong(partial -> partial.toBytes().length).sum();

        assertThat(partials).isLessThan(Files.size(manyChunks));
    }

    /** Every chunk's partial, as the file's chunks read them one after the other. */
    private static List<ChunkPartial> allOf(Path file, AnalysisOptions options) throws RecordingException {
        try (ChunkPartial.Chunks chunks = ChunkPartial.open(file, options)) {
            List<ChunkPartial> partials = new ArrayList<>();
            for (int chunk = 0; chunk < chunks.count(); chunk++) {
                partials.add(chunks.read(chunk));
            }
            return partials;
        }
    }

    private static Report mergeShipped(List<ChunkPartial> partials) throws RecordingException {
        List<byte[]> shipped = new ArrayList<>();
        for (ChunkPartial partial : partials) {
            shipped.add(partial.toBytes());
        }
        PartialMerge merge = PartialMerge.start(AnalysisOptions.defaults());
        for (byte[] bytes : shipped) {
            merge.add(ChunkPartial.fromBytes(bytes));
        }
        return merge.finish();
    }

    private static String json(Report report) {
        return ReportAssertions.validJson(report);
    }

    private static byte[] plain(String recording) throws IOException {
        return Files.readAllBytes(TestRecordings.gunzip(TestRecordings.recording(recording),
                dir.resolve(recording.replace(".gz", ""))));
    }

    private static Path write(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return Files.write(dir.resolve(name), all.toByteArray());
    }
}
