package io.threadwatch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.report.SliPoint;
import io.threadwatch.analyzer.result.Limitation;
import io.threadwatch.analyzer.source.Parser;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A recording whose two chunks lie 22 months apart (public ones exist; this one is the hot-lock
 * sample followed by the deadlock sample dated 669 days later, {@link ChunkSurgery#shiftedBy}).
 * Before, the engine cut the 22 months into a window each minute: 948,985 windows, gigabytes of
 * heap, and the 40 s chunks sized by the whole span missed findings. Now only the recorded 80 s
 * are cut into windows, the stretch between is one step, named in a {@code recording-gap}
 * limitation, and each chunk shows what it shows alone.
 */
class RecordingGapTest {

    private static final Duration APART = Duration.ofDays(669);

    @TempDir
    static Path dir;

    private static Path file;
    private static Instant firstEnd;
    private static Instant secondStart;
    private static Report hotLockAlone;
    private static Report deadlockAlone;

    @BeforeAll
    static void concatenate() throws Exception {
        Path hotLock = TestRecordings.gunzip(TestRecordings.recording("hot-lock.default-jdk17.jfr.gz"),
                dir.resolve("hot-lock.jfr"));
        Path deadlock = TestRecordings.gunzip(TestRecordings.recording("deadlock.default-jdk17.jfr.gz"),
                dir.resolve("deadlock.jfr"));
        byte[] later = ChunkSurgery.shiftedBy(Files.readAllBytes(deadlock), APART);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(Files.readAllBytes(hotLock));
        both.writeBytes(later);
        file = Files.write(dir.resolve("22-months.jfr"), both.toByteArray());
        hotLockAlone = Analyzer.analyze(List.of(hotLock), AnalysisOptions.defaults());
        deadlockAlone = Analyzer.analyze(List.of(Files.write(dir.resolve("later.jfr"), later)),
                AnalysisOptions.defaults());
        firstEnd = Instant.parse(hotLockAlone.source().end());
        secondStart = Instant.parse(deadlockAlone.source().start());
    }

    @ParameterizedTest
    @EnumSource(Parser.class)
    void onlyTheRecordedStretchesAreAnalyzedAndTheGapIsNamed(Parser parser) throws Exception {
        Report report = Analyzer.analyze(List.of(file), AnalysisOptions.defaults().withParser(parser));

        List<String> times = report.slis().stream().map(SliPoint::time).distinct().toList();
        assertThat(report.analysis().windows()).as("windows of 8 s over 80 s recorded")
                .isEqualTo(times.size()).isLessThan(20);
        assertThat(times).allSatisfy(time -> assertThat(!Instant.parse(time).isAfter(firstEnd)
                || !Instant.parse(time).isBefore(secondStart)).as(time + " is not in the gap").isTrue());
        assertThat(report.slis()).filteredOn(sli -> sli.name().equals("threads.live")).as("one count per window")
                .hasSize(report.analysis().windows());
        assertThat(report.limitations()).filteredOn(limitation -> limitation.id().equals("recording-gap"))
                .singleElement().extracting(Limitation::message).asString()
                .contains("from " + hotLockAlone.source().end() + " to " + deadlockAlone.source().start(), "(669 days");
        assertThat(report.limitations()).extracting(Limitation::id)
                .doesNotContain("no-thread-dumps", "no-thread-starts", "no-gc-events");
        assertThat(report.slis().stream().filter(sli -> sli.name().equals("gc.count")).mapToDouble(SliPoint::value)
                .sum()).as("the GCs of both chunks").isEqualTo(4.0);
        assertThat(findings(report)).as("what each chunk shows alone")
                .containsExactlyInAnyOrderElementsOf(union(findings(hotLockAlone), findings(deadlockAlone)));
        assertThat(report.findings()).as("each dated in its own chunk, as the JDK's parser did not (ChunkRuns)")
                .allSatisfy(finding -> assertThat(finding.kind().equals("deadlock")
                        ? !Instant.parse(finding.first()).isBefore(secondStart.truncatedTo(ChronoUnit.SECONDS))
                        : !Instant.parse(finding.last()).isAfter(firstEnd)).as(finding.kind() + " " + finding.first())
                        .isTrue());
        assertThat(report.source().start()).isEqualTo(hotLockAlone.source().start());
        assertThat(report.source().end()).isEqualTo(deadlockAlone.source().end());
    }

    /**
     * The same chunk twice, the copy dated a month later: the metadata is the same, so the JDK's
     * parser would read both as one run and date the copy with the first chunk's clock.
     */
    @ParameterizedTest
    @EnumSource(value = Parser.class, names = {"JDK", "JMC"})
    void aChunkRepeatedAMonthLaterIsDatedByItsOwnHeaderByEveryParser(Parser parser) throws Exception {
        byte[] deadlock = Files.readAllBytes(dir.resolve("deadlock.jfr"));
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(deadlock);
        both.writeBytes(ChunkSurgery.shiftedBy(deadlock, Duration.ofDays(30)));
        Path twice = Files.write(dir.resolve("twice.jfr"), both.toByteArray());

        Report reference = Analyzer.analyze(List.of(twice), AnalysisOptions.defaults().withParser(Parser.THREADWATCH));
        Report report = Analyzer.analyze(List.of(twice), AnalysisOptions.defaults().withParser(parser));

        assertThat(report.slis()).isEqualTo(reference.slis());
        assertThat(report.findings()).isEqualTo(reference.findings());
        assertThat(report.limitations()).isEqualTo(reference.limitations());
    }

    private static List<String> findings(Report report) {
        return report.findings().stream().map(finding -> finding.kind() + " " + site(finding)).toList();
    }

    private static String site(Finding finding) {
        return finding.site() == null ? "" : finding.site().frame();
    }

    private static List<String> union(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }
}
