package io.threadwatch.analyzer.source.threadwatch;

import io.threadwatch.analyzer.source.Parser;
import io.threadwatch.analyzer.source.ReadProgress;
import io.threadwatch.analyzer.source.RecordingException;
import io.threadwatch.analyzer.source.RecordingFiles;
import io.threadwatch.analyzer.source.RecordingLimits;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadwatch.analyzer.AnalysisOptions;
import io.threadwatch.analyzer.AnalysisProgress;
import io.threadwatch.analyzer.Analyzer;
import io.threadwatch.analyzer.ManyChunkRecording;
import io.threadwatch.analyzer.ReportAssertions;
import io.threadwatch.analyzer.TestRecordings;
import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.source.chunk.ChunkLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Threadwatch's own chunk decoder against the JDK's parser on real recordings: the committed
 * sample recordings (JDK 17 and 25, read by whichever JDK runs the tests) must give the very same
 * report, and recordings of many chunks must replay the same event sequence whether their chunks
 * are decoded on one thread or several, with whatever heap budget for the chunks decoded ahead.
 */
class ChunkFileSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path manyChunks;

    static Stream<Path> sampleRecordings() throws IOException {
        try (Stream<Path> files = Files.list(TestRecordings.directory())) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jfr.gz")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleRecordings")
    void givesTheJdkParsersReportOnEverySampleRecording(Path recording) throws Exception {
        Report jdk = Analyzer.analyze(List.of(recording), AnalysisOptions.defaults().withParser(Parser.JDK));
        Report own = Analyzer.analyze(List.of(recording), AnalysisOptions.defaults().withParser(Parser.THREADWATCH));

        assertThat(own.source().parser().name()).isEqualTo("threadwatch");
        assertThat(withoutParser(own)).isEqualTo(withoutParser(jdk));
        assertThat(own.findings()).isNotNull();
        ReportAssertions.validJson(own);
    }

    @BeforeAll
    static void recordManyChunks() throws Exception {
        manyChunks = ManyChunkRecording.record(dir.resolve("many-chunks.jfr"), Duration.ofSeconds(3));
    }

    /**
     * Progress comes as chunks are handed to the engine: it starts at nothing, never goes back,
     * and ends at the totals. Threadwatch's parser and the JDK's report chunk by chunk; JMC's,
     * which loads a file whole, only per file.
     */
    @ParameterizedTest
    @EnumSource(Parser.class)
    void progressGrowsChunkByChunkToTheTotals(Parser parser) throws Exception {
        List<AnalysisProgress> seen = new ArrayList<>();
        Analyzer.analyze(List.of(manyChunks), AnalysisOptions.defaults().withParser(parser), seen::add);

        int chunks;
        try (RecordingFiles files = RecordingFiles.open(List.of(manyChunks), RecordingLimits.DEFAULT)) {
            chunks = files.chunks();
        }
        long bytes = Files.size(manyChunks);
        assertThat(seen.get(0)).isEqualTo(new AnalysisProgress(0, bytes, 0, chunks));
        assertThat(seen.get(seen.size() - 1)).isEqualTo(new AnalysisProgress(bytes, bytes, chunks, chunks));
        assertMonotonic(seen);
        List<Integer> chunkSteps = seen.stream().map(AnalysisProgress::chunksRead).distinct().toList();
        if (parser == Parser.JMC) {
            assertThat(chunkSteps).containsExactly(0, chunks);
        } else if (parser == Parser.THREADWATCH) {
            assertThat(chunkSteps).isEqualTo(IntStream.rangeClosed(0, chunks).boxed().toList());
        } else {
            // The JDK's stream does not say where chunks end: they are counted as events pass their ends.
            assertThat(chunkSteps).hasSizeGreaterThan(chunks / 2);
        }
    }

    @Test
    void progressOfAGzipFileEndsAtItsCompressedSize() throws Exception {
        Path gz = dir.resolve("many-chunks.jfr.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(manyChunks, out);
        }
        List<AnalysisProgress> seen = new ArrayList<>();
        Analyzer.analyze(List.of(gz), AnalysisOptions.defaults(), seen::add);

        long bytes = Files.size(gz);
        assertMonotonic(seen);
        assertThat(seen).hasSizeGreaterThan(3);
        assertThat(seen).allSatisfy(p -> assertThat(p.bytesTotal()).isEqualTo(bytes));
        assertThat(seen.get(seen.size() - 1).fraction()).isEqualTo(1.0);
        assertThat(seen.get(seen.size() / 2).fraction()).isStrictlyBetween(0.0, 1.0);
    }

    private static void assertMonotonic(List<AnalysisProgress> seen) {
        for (int i = 1; i < seen.size(); i++) {
            AnalysisProgress before = seen.get(i - 1);
            AnalysisProgress now = seen.get(i);
            assertThat(now.bytesRead()).as("bytes at step %d", i).isGreaterThanOrEqualTo(before.bytesRead());
            assertThat(now.chunksRead()).as("chunks at step %d", i).isGreaterThanOrEqualTo(before.chunksRead());
            assertThat(now).as("step %d repeats the one before", i).isNotEqualTo(before);
        }
    }

    static Stream<Path> multiChunkRecordings() {
        return Stream.of(manyChunks, TestRecordings.recording("steady-gateway.long60m-jdk25.jfr.gz"));
    }

    /**
     * However many chunks the heap budget lets decode ahead, and however many workers wait for it,
     * the engine gets the same events in the same order as from one thread, so the same report: a
     * budget that holds nothing keeps just the chunk being delivered and one ahead, one without a
     * limit keeps one chunk per worker, and this JVM's own heap budget is what analyses use.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("multiChunkRecordings")
    void replaysTheSameEventsOnOneThreadAsOnSeveralWhateverTheBudget(Path recording) throws Exception {
        try (RecordingFiles files = RecordingFiles.open(List.of(recording), RecordingLimits.DEFAULT)) {
            assertThat(files.chunks()).as("chunks in " + recording.getFileName()).isGreaterThanOrEqualTo(6);
            List<Event> sequential = replay(files, 1);
            assertThat(sequential).hasSizeGreaterThan(100);

            assertThat(replay(files, 4)).isEqualTo(sequential);
            DecodeBudget oneAhead = new DecodeBudget(0);
            assertThat(replay(files, 16, oneAhead)).isEqualTo(sequential);
            assertThat(oneAhead.mostHeld()).as("chunks held at once on a budget of nothing").isEqualTo(2);
            assertThat(oneAhead.held()).isZero();

            DecodeBudget unlimited = new DecodeBudget(Long.MAX_VALUE);
            assertThat(replay(files, 5, unlimited)).isEqualTo(sequential);
            assertThat(unlimited.mostHeld()).as("chunks held at once, 5 workers and no limit").isEqualTo(5);
            assertThat(unlimited.held()).isZero();
        }
    }

    @Test
    void givesTheJdkParsersReportOnAManyChunkRecording() throws Exception {
        // The JDK's parser dates every chunk with the first chunk's clock, ours each with its own
        // (ParserClocksTest shows that this moves every event by its chunk's difference, and nothing
        // else). JFR's ticks can drift from the wall clock by milliseconds a second (2.3 ms/s on a
        // 2.8 GHz Xeon VM), so a thread start a few milliseconds from a window edge would fall in
        // different windows: the reports are compared on the recording with every chunk's start
        // time set to what the first chunk's clock gives, where the two clocks are one.
        Path oneClock = onTheFirstChunksClock(manyChunks, dir.resolve("many-chunks-one-clock.jfr"));
        AnalysisOptions options = AnalysisOptions.defaults().withWindow(Duration.ofSeconds(1));
        Report jdk = Analyzer.analyze(List.of(oneClock), options.withParser(Parser.JDK));
        Report own = Analyzer.analyze(List.of(oneClock), options.withParser(Parser.THREADWATCH));

        assertThat(own.source().chunks()).isGreaterThanOrEqualTo(6);
        // An event can refer to a stack its chunk does not hold (it began in an earlier chunk): the
        // JDK's parser resolves a few of those, ours leaves them without a stack (README, "Parsers").
        // This recording is of the test JVM itself, with whatever earlier tests left running, so
        // how many events that touches varies from run to run: such an event moves one sample of a
        // per-site SLI, or moves an idle wait between the explanations' frames. Everything else
        // must be the same: the findings, the limitations, every SLI without a site, which per-site
        // SLIs there are, the decisions, and the number of observations in all.
        ObjectNode ownTree = withoutParser(own);
        ObjectNode jdkTree = withoutParser(jdk);
        JsonNode ownExplanations = ownTree.remove("explanations");
        JsonNode jdkExplanations = jdkTree.remove("explanations");
        JsonNode ownSlis = ownTree.remove("slis");
        JsonNode jdkSlis = jdkTree.remove("slis");
        assertThat(ownTree.get("findings")).as("findings").isEqualTo(jdkTree.get("findings"));
        assertThat(ownTree).isEqualTo(jdkTree);
        assertThat(unsited(ownSlis)).as("SLI samples without a site").isEqualTo(unsited(jdkSlis));
        assertThat(sitedNames(ownSlis)).as("per-site SLIs").isEqualTo(sitedNames(jdkSlis));
        assertThat(decisions(ownExplanations)).isEqualTo(decisions(jdkExplanations));
        assertThat(observations(ownExplanations)).isEqualTo(observations(jdkExplanations));
    }

    /**
     * {@code recording} with each chunk's start time set to what its start ticks give on the first
     * chunk's clock, to the nearest nanosecond: then a chunk's own clock converts its ticks as the
     * first chunk's does, within that nanosecond.
     */
    private static Path onTheFirstChunksClock(Path recording, Path target) throws IOException {
        byte[] bytes = Files.readAllBytes(recording);
        ByteBuffer file = ByteBuffer.wrap(bytes);
        long firstNanos = file.getLong(ChunkLayout.START_NANOS_AT);
        long firstTicks = file.getLong(ChunkLayout.START_TICKS_AT);
        for (int at = 0; at < bytes.length; at += (int) file.getLong(at + ChunkLayout.SIZE_AT)) {
            double ticksPerNano = file.getLong(at + ChunkLayout.TICKS_PER_SECOND_AT) / 1e9;
            long sinceFirst = Math.round((file.getLong(at + ChunkLayout.START_TICKS_AT) - firstTicks) / ticksPerNano);
            file.putLong(at + ChunkLayout.START_NANOS_AT, firstNanos + sinceFirst);
        }
        return Files.write(target, bytes);
    }

    private static List<String> unsited(JsonNode slis) {
        List<String> samples = new ArrayList<>();
        slis.forEach(sli -> {
            if (!sli.get("labels").has("site")) {
                samples.add(sli.toString());
            }
        });
        return samples;
    }

    private static java.util.Set<String> sitedNames(JsonNode slis) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        slis.forEach(sli -> {
            if (sli.get("labels").has("site")) {
                names.add(sli.get("name").asText());
            }
        });
        return names;
    }

    private static java.util.Set<String> decisions(JsonNode explanations) {
        java.util.Set<String> decisions = new java.util.TreeSet<>();
        explanations.forEach(e -> decisions.add(e.get("decision").asText() + ": " + e.get("reason").asText()));
        return decisions;
    }

    private static long observations(JsonNode explanations) {
        long total = 0;
        for (JsonNode explanation : explanations) {
            total += explanation.get("observations").asLong();
        }
        return total;
    }

    private static List<Event> replay(RecordingFiles files, int threads) throws RecordingException {
        List<Event> events = new ArrayList<>();
        new ChunkFileSource(files, new StackTable(), threads).replay(events::add);
        return events;
    }

    private static List<Event> replay(RecordingFiles files, int threads, DecodeBudget budget) throws RecordingException {
        List<Event> events = new ArrayList<>();
        new ChunkFileSource(files, new StackTable(), threads, ReadProgress.NONE, budget).replay(events::add);
        return events;
    }

    private static ObjectNode withoutParser(Report report) {
        ObjectNode tree = JSON.valueToTree(report);
        ((ObjectNode) tree.get("source")).remove("parser");
        return tree;
    }
}
