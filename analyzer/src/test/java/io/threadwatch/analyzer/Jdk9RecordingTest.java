package io.threadwatch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.report.SliPoint;
import io.threadwatch.analyzer.result.Limitation;
import io.threadwatch.analyzer.source.Parser;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * JDK 9 and 10 wrote JFR format 1.0 and named their events {@code com.oracle.jdk.*}. No such JDK
 * runs here, so the fixture is the deadlock sample (JDK 17 {@code default}: 14 thread starts, 2
 * GCs, 2 thread dumps with a deadlock) relabelled as JDK 9 named things ({@link ChunkSurgery#asJdk9}).
 * Every parser must read it as the original: before the mapping, the {@code threadwatch} parser
 * gave an empty report that claimed the recording had no thread starts and no dumps.
 */
class Jdk9RecordingTest {

    private static final String SAMPLE = "deadlock.default-jdk17.jfr.gz";

    @TempDir
    static Path dir;

    private static Path original;
    private static Path jdk9;
    private static Report reference;

    @BeforeAll
    static void relabel() throws Exception {
        original = TestRecordings.gunzip(TestRecordings.recording(SAMPLE), dir.resolve("deadlock.jfr"));
        byte[] relabelled = ChunkSurgery.asJdk9(Files.readAllBytes(original));
        jdk9 = Files.write(dir.resolve("deadlock-jdk9.jfr"), relabelled);
        reference = Analyzer.analyze(List.of(original), AnalysisOptions.defaults().withParser(Parser.JDK));

        ByteBuffer header = ByteBuffer.wrap(relabelled);
        assertThat(header.getShort(4)).as("major").isEqualTo((short) 1);
        assertThat(header.getShort(6)).as("minor").isEqualTo((short) 0);
        try (RecordingFile file = new RecordingFile(jdk9)) {
            List<String> types = file.readEventTypes().stream().map(EventType::getName).toList();
            assertThat(types).contains("com.oracle.jdk.ThreadStart", "com.oracle.jdk.GarbageCollection",
                    "com.oracle.jdk.ThreadDump", "com.oracle.jdk.ActiveSetting")
                    .noneMatch(name -> name.startsWith("jdk."));
        }
    }

    @ParameterizedTest
    @EnumSource(Parser.class)
    void jdk9RecordingShowsItsThreadsGcsAndDumps(Parser parser) throws Exception {
        Report report = Analyzer.analyze(List.of(jdk9), AnalysisOptions.defaults().withParser(parser));

        assertThat(report.source().parser().name()).isEqualTo(parser.id());
        assertThat(sum(report, "gc.count")).as("the two GCs").isEqualTo(2.0);
        assertThat(report.slis()).anySatisfy(sli -> assertThat(sli.name()).isEqualTo("threads.live"));
        assertThat(report.findings()).extracting(Finding::kind).as("the deadlock seen in the dumps")
                .containsExactly("deadlock");
        assertThat(report.limitations()).extracting(Limitation::id)
                .doesNotContain("no-thread-starts", "no-thread-dumps", "no-gc-events", "unknown-settings");
        assertThat(report.slis()).isEqualTo(reference.slis());
        assertThat(report.findings()).isEqualTo(reference.findings());
        assertThat(report.limitations()).isEqualTo(reference.limitations());
        assertThat(report.source().jvm()).isEqualTo(reference.source().jvm());
    }

    @Test
    void theDefaultParserReadsItWithoutFallingBack() throws Exception {
        Report report = Analyzer.analyze(List.of(jdk9), AnalysisOptions.defaults());

        assertThat(report.source().parser().name()).isEqualTo(Parser.THREADWATCH.id());
        assertThat(report.source().parser().fallback()).isEmpty();
        assertThat(report.findings()).isEqualTo(reference.findings());
    }

    private static double sum(Report report, String sli) {
        return report.slis().stream().filter(point -> point.name().equals(sli)).mapToDouble(SliPoint::value).sum();
    }
}
