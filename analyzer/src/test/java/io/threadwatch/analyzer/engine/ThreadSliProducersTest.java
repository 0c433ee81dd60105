package io.threadwatch.analyzer.engine;

import static io.threadwatch.analyzer.engine.FrameClassifierTest.f;
import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.event.CpuCount;
import io.threadwatch.analyzer.event.SettingObserved;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.event.ThreadCount;
import io.threadwatch.analyzer.event.ThreadStarted;
import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.rules.CatalogLoader;
import io.threadwatch.rules.RuleLoader;
import io.threadwatch.rules.Sample;
import io.threadwatch.rules.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The thread detectors' own SLIs, window by window, without the engine: the JVM's thread count and
 * the active ratio ({@link ThreadGauges}), per-site starts, live counts and growth
 * ({@link PlatformThreadLeaks}), and the virtual-thread gauges ({@link VirtualThreadLeaks}).
 */
class ThreadSliProducersTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(10);

    private final Sites sites = new Sites(FrameClassifier.withDefaults());
    private final ThreadLedger ledger = new ThreadLedger(sites, new WaitHistory());
    private final StackTable stacks = new StackTable();
    /** A reload that starts a scheduler thread and never shuts it down. */
    private final Stack reload = stacks.intern(List.of(f("java.lang.Thread.start", 1000),
            f("java.util.concurrent.ThreadPoolExecutor.addWorker", 899),
            f("java.util.concurrent.ScheduledThreadPoolExecutor.delayedExecute", 340),
            f("com.acme.config.Reloader.reload", 42), f("com.acme.config.Reloader.run", 20)), false);
    private long nextId = 100;

    private static Window window(int index) {
        return new Window(T0.plus(WINDOW.multipliedBy(index)), T0.plus(WINDOW.multipliedBy(index + 1L)));
    }

    private void start(int count, int window) {
        for (int i = 0; i < count; i++) {
            ledger.started(new ThreadStarted(window(window).start().plusMillis(i), nextId++, "pool-" + nextId
                    + "-thread-1", 1, reload));
        }
    }

    private PlatformThreadLeaks leaks() {
        Explanations explanations = new Explanations();
        EngineSettings settings = settings();
        DumpAnalysis dumps = new DumpAnalysis(sites, ledger, settings.stuckThreshold(), new WaitHistory(), explanations);
        return new PlatformThreadLeaks(ledger, dumps, settings, explanations);
    }

    private static EngineSettings settings() {
        return new EngineSettings(T0, WINDOW, EngineSettings.DEFAULT_STUCK_THRESHOLD, EngineSettings.DEFAULT_LEAK_SPAN,
                CatalogLoader.builtIn(), RuleLoader.forSlis(Sli.ids()).builtIn(), true);
    }

    private static double value(List<Sample> samples, Sli sli) {
        return samples.stream().filter(s -> s.name().equals(sli.id())).findFirst().orElseThrow().value();
    }

    private static List<String> names(List<Sample> samples) {
        return samples.stream().map(Sample::name).toList();
    }

    @Test
    void liveThreadsComeFromTheJvmsCountWhenTheRecordingHasOneAndFromTheLedgerOtherwise() {
        ThreadGauges gauges = new ThreadGauges(ledger);
        assertThat(gauges.closeWindow(window(0))).as("nothing seen yet: no gauge, not a zero").isEmpty();

        start(3, 1);
        assertThat(value(gauges.closeWindow(window(1)), Sli.THREADS_LIVE)).isEqualTo(3);

        // The JVM counts threads the recording never saw start.
        gauges.counted(new ThreadCount(window(2).start(), 41, 30, 200, 45));
        assertThat(value(gauges.closeWindow(window(2)), Sli.THREADS_LIVE)).isEqualTo(41);

        gauges.forgetCount();
        assertThat(value(gauges.closeWindow(window(3)), Sli.THREADS_LIVE)).as("after a gap in the recording")
                .isEqualTo(3);
    }

    @Test
    void theActiveRatioDividesByTheMostAuthoritativeCpuCount() {
        ThreadGauges gauges = new ThreadGauges(ledger);
        start(4, 0);
        assertThat(names(gauges.closeWindow(window(0)))).as("no CPU count: no ratio")
                .containsExactly(Sli.THREADS_LIVE.id());

        gauges.counted(new CpuCount(T0, 8, CpuCount.Origin.HARDWARE));
        gauges.counted(new CpuCount(T0, 2, CpuCount.Origin.CONTAINER));
        // A later hardware count does not undo the container's limit.
        gauges.counted(new CpuCount(T0.plusSeconds(5), 16, CpuCount.Origin.HARDWARE));
        assertThat(gauges.cpus()).isEqualTo(2);
        assertThat(value(gauges.closeWindow(window(1)), Sli.THREADS_ACTIVE_RATIO)).isEqualTo(4 / 2.0);
    }

    @Test
    void aSiteReportsItsStartRateInTheWindowItStartedAndItsLiveCountUntilItsThreadsAreGone() {
        PlatformThreadLeaks leaks = leaks();
        String site = "com.acme.config.Reloader.reload(Reloader.java:42)";

        start(5, 0);
        List<Sample> first = leaks.closeWindow(window(0));
        assertThat(value(first, Sli.THREADS_START_RATE)).isEqualTo(5 / 10.0);
        assertThat(value(first, Sli.THREADS_SITE_LIVE)).isEqualTo(5);
        assertThat(first).allSatisfy(sample -> assertThat(sample.labels()).containsEntry("site", site));

        List<Sample> quiet = leaks.closeWindow(window(1));
        assertThat(names(quiet)).as("no start in the window: no start rate").doesNotContain(Sli.THREADS_START_RATE.id())
                .contains(Sli.THREADS_SITE_LIVE.id());
    }

    @Test
    void aSiteThatGainsThreadsEveryWindowGetsGrowthLinesOnceThereAreEnoughPoints() {
        PlatformThreadLeaks leaks = leaks();
        List<Sample> last = List.of();
        for (int w = 0; w < EngineSettings.MIN_TREND_POINTS; w++) {
            start(2, w);
            last = leaks.closeWindow(window(w));
            if (w < EngineSettings.MIN_TREND_POINTS - 1) {
                assertThat(names(last)).as("window %d: too few points for a trend", w)
                        .doesNotContain(Sli.THREADS_LEAK_RATE.id());
            }
        }
        // Two threads every 10 s, none ending: 720 an hour.
        assertThat(last).filteredOn(s -> s.name().equals(Sli.THREADS_LEAK_RATE.id())).isNotEmpty()
                .allSatisfy(rate -> assertThat(rate.value()).isCloseTo(720, org.assertj.core.data.Offset.offset(1.0)));
    }

    @Test
    void virtualThreadGaugesStaySilentUnlessTheRecordingTracksVirtualThreadStarts() {
        VirtualThreads virtualThreads = new VirtualThreads(sites);
        RecordingSettings recording = new RecordingSettings();
        VirtualThreadLeaks leaks = new VirtualThreadLeaks(virtualThreads, recording, settings());
        assertThat(leaks.closeWindow(window(0))).as("zero would read as health").isEmpty();

        recording.observe(new SettingObserved(T0, "jdk.VirtualThreadStart", "enabled", "true"));
        assertThat(leaks.closeWindow(window(1))).singleElement().satisfies(sample -> {
            assertThat(sample.name()).isEqualTo(Sli.VTHREADS_LIVE.id());
            assertThat(sample.value()).isZero();
        });

        virtualThreads.started(7, "");
        virtualThreads.started(8, "");
        assertThat(value(new VirtualThreadLeaks(virtualThreads, new RecordingSettings(), settings())
                .closeWindow(window(2)), Sli.VTHREADS_LIVE)).as("starts seen, no settings recorded").isEqualTo(2);
    }
}
