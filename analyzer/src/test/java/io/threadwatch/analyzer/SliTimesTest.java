package io.threadwatch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.report.SliPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SLI is dated inside the recording: the last window ends with the recording's last chunk,
 * even when events commit after the end its header gives (before, the last window ran to the last
 * event, and its SLIs were dated after {@code source.end}).
 */
class SliTimesTest {

    @TempDir
    Path dir;

    static List<TestRecordings.Expectation> samples() {
        return TestRecordings.expectations();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void noSliOfASampleIsDatedOutsideItsRecording(TestRecordings.Expectation sample) throws Exception {
        assertWithinRecording(Analyzer.analyze(List.of(sample.recording()), AnalysisOptions.defaults()));
    }

    @Test
    void eventsCommittedAfterTheChunksEndStayInItsLastWindow() throws Exception {
        Path plain = TestRecordings.gunzip(TestRecordings.recording("deadlock.default-jdk17.jfr.gz"),
                dir.resolve("deadlock.jfr"));
        Path file = Files.write(dir.resolve("ends-early.jfr"),
                ChunkSurgery.endingEarlier(Files.readAllBytes(plain), Duration.ofSeconds(3)));

        Report report = Analyzer.analyze(List.of(file), AnalysisOptions.defaults());

        assertWithinRecording(report);
        assertThat(report.findings()).extracting(finding -> finding.kind()).containsExactly("deadlock");
        assertThat(report.findings().get(0).last()).isEqualTo(report.source().end());
    }

    private static void assertWithinRecording(Report report) {
        Instant start = Instant.parse(report.source().start()).truncatedTo(ChronoUnit.SECONDS);
        Instant end = Instant.parse(report.source().end());
        assertThat(report.slis()).isNotEmpty().extracting(SliPoint::time).allSatisfy(time ->
                assertThat(Instant.parse(time)).as("SLI time in a recording from %s to %s", start, end)
                        .isAfter(start).isBeforeOrEqualTo(end));
    }
}
