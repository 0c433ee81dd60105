package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.AnalysisOptions;
import io.threadwatch.analyzer.TestRecordings;
import io.threadwatch.analyzer.event.ThreadDumped;
import io.threadwatch.analyzer.result.Limitation;
import io.threadwatch.analyzer.result.SliSample;
import io.threadwatch.rules.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stretch that was not recorded is not charged to anything: a thread seen waiting at the same
 * stack in a dump before it and in one after it is not "blocked for a month", since nothing shows
 * what it did in between (the recording may even resume in another JVM). The dump is the last one
 * of the leaky-pool sample (JDK 17), whose 16 order workers wait forever in
 * {@code ConnectionPool.borrow}; the engine sees it twice.
 */
class RecordingGapEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-29T20:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(4);

    @TempDir
    static Path dir;

    private static String dump;

    @BeforeAll
    static void readDump() throws Exception {
        Path file = TestRecordings.gunzip(TestRecordings.recording("leaky-pool.default-jdk17.jfr.gz"),
                dir.resolve("leaky-pool.jfr"));
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getEventType().getName().endsWith(".ThreadDump")) {
                dump = event.getString("result");
            }
        }
        assertThat(dump).contains("ConnectionPool.borrow");
    }

    private static AnalysisEngine engine() {
        AnalysisOptions options = AnalysisOptions.defaults();
        return new AnalysisEngine(new EngineSettings(T0, WINDOW, options.stuckThreshold(), options.leakSpanWindows(),
                options.catalog(), options.rules(), true));
    }

    private static List<SliSample> stuck(EngineResult result) {
        return result.slis().stream().filter(sli -> sli.name().equals("threads.stuck")).toList();
    }

    @Test
    void theSameWaitInTwoDumpsThirtySecondsApartIsStuck() {
        AnalysisEngine engine = engine();
        engine.recordedOnly(List.of(new Window(T0, T0.plusSeconds(40))));
        engine.accept(new ThreadDumped(T0.plusSeconds(5), dump));
        engine.accept(new ThreadDumped(T0.plusSeconds(35), dump));

        EngineResult result = engine.finish(T0.plusSeconds(40));

        assertThat(stuck(result)).as("the control: 30 s at one stack is past the 20 s threshold").isNotEmpty();
        assertThat(result.limitations()).extracting(Limitation::id).doesNotContain("recording-gap");
    }

    @Test
    void theSameWaitOnBothSidesOfAMonthNotRecordedIsNotChargedWithTheMonth() {
        Instant resumed = T0.plus(Duration.ofDays(30));
        AnalysisEngine engine = engine();
        engine.recordedOnly(List.of(new Window(T0, T0.plusSeconds(10)), new Window(resumed, resumed.plusSeconds(10))));
        engine.accept(new ThreadDumped(T0.plusSeconds(5), dump));
        engine.accept(new ThreadDumped(resumed.plusSeconds(5), dump));

        EngineResult result = engine.finish(resumed.plusSeconds(10));

        assertThat(stuck(result)).isEmpty();
        assertThat(result.findings()).isEmpty();
        assertThat(result.windows()).as("3 windows per 10 s stretch, none in the month between").isEqualTo(6);
        assertThat(result.slis()).allSatisfy(sli -> assertThat(sli.time())
                .isBetween(T0, resumed.plusSeconds(10))
                .matches(time -> !time.isAfter(T0.plusSeconds(10)) || !time.isBefore(resumed), "not in the gap"));
        assertThat(result.limitations()).filteredOn(limitation -> limitation.id().equals("recording-gap"))
                .singleElement().satisfies(limitation -> assertThat(limitation.message())
                        .contains("from 2026-11-29T20:00:10.000Z to 2026-12-29T20:00:00.000Z (29 days 23 h)"));
    }
}
