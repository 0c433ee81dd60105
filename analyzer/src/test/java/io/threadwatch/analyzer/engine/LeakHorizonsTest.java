package io.threadwatch.analyzer.engine;

import static io.threadwatch.analyzer.engine.SyntheticRecording.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.result.Finding;
import io.threadwatch.analyzer.result.SliSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Leak trends over synthetic recordings of one to six hours: thread starts with real creation
 * stacks, thread ends, and thread dumps every 30 s showing where the live threads wait. A slow leak
 * of 15 threads an hour must be reported within about an hour and from any recording of an hour
 * or more; warm-up, a fixed pool that fills over minutes, a traffic ramp and a bursty cached pool
 * must stay silent.
 */
class LeakHorizonsTest {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration DUMP_EVERY = Duration.ofSeconds(30);
    private static final String RELOAD = "io.threadwatch.samples.schedulerleak.ConfigReloader.reload";
    private static final String HANDLER = "io.threadwatch.samples.warmuppool.ThumbnailHandler.handle";

    /** The live threads of a scenario: when each started and ended, and what it waits on in dumps. */
    private static final class Population {
        final SyntheticRecording recording = new SyntheticRecording();
        final Map<Long, Duration> startedAt = new TreeMap<>();
        final Map<Long, Duration> endedAt = new TreeMap<>();
        final Map<Long, SyntheticRecording.Waiting> waits = new TreeMap<>();

        void start(long id, Duration at, String name, List<io.threadwatch.analyzer.event.Frame> creator,
                   SyntheticRecording.Waiting wait) {
            recording.started(at, id, name, creator);
            startedAt.put(id, at);
            waits.put(id, wait);
        }

        void end(long id, Duration at) {
            recording.ended(at, id);
            endedAt.put(id, at);
        }

        /** Dumps every 30 s of what is alive then. */
        Population dumped(Duration length) {
            for (Duration at = DUMP_EVERY; at.compareTo(length) < 0; at = at.plus(DUMP_EVERY)) {
                List<SyntheticRecording.Waiting> alive = new ArrayList<>();
                for (Map.Entry<Long, Duration> started : startedAt.entrySet()) {
                    Duration ended = endedAt.get(started.getKey());
                    // A thread started at the dump's instant is in it (the start is ordered first).
                    if (started.getValue().compareTo(at) <= 0 && (ended == null || ended.compareTo(at) > 0)) {
                        alive.add(waits.get(started.getKey()));
                    }
                }
                recording.dump(at, alive);
            }
            return this;
        }

        EngineResult analyze(Duration length) {
            return recording.analyze(WINDOW, length);
        }
    }

    /** A leaked scheduler: its own queue, so its own object to wait on. */
    private static SyntheticRecording.Waiting ownScheduler(long id) {
        return SyntheticRecording.Waiting.parked(id, "route-refresher-" + id, true, Stacks.SCHEDULER_WAITING,
                String.format("0x00000006a%07x", id * 64));
    }

    /** An idle worker of one pool: every worker waits on the pool's one queue. */
    private static SyntheticRecording.Waiting sharedPool(long id, String name) {
        return SyntheticRecording.Waiting.parked(id, name, false, Stacks.IDLE_POOL_WORKER, "0x00000006b0000010");
    }

    /** A leak of one scheduler thread every {@code every}, from the reload site. */
    private static Population leak(Duration every, Duration length) {
        Population leak = new Population();
        long id = 100;
        for (Duration at = every; at.compareTo(length) < 0; at = at.plus(every)) {
            leak.start(id, at, "route-refresher-" + id, Stacks.SCHEDULER_PER_RELOAD_CREATED, ownScheduler(id));
            id++;
        }
        return leak.dumped(length);
    }

    private static List<String> findings(EngineResult result) {
        return result.findings().stream().map(f -> f.kind().id() + " " + f.site().frame()).toList();
    }

    @Test
    void aLeakOfFifteenAnHourIsReportedWithinAboutAnHour() {
        Duration hour = Duration.ofHours(1);
        EngineResult result = leak(Duration.ofMinutes(4), hour).analyze(hour);

        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind().id()).isEqualTo("thread-leak");
            assertThat(finding.site().frame()).startsWith(RELOAD);
            assertThat(finding.confidence().id()).isEqualTo("confirmed");
            assertThat(finding.first()).isBefore(T0.plus(Duration.ofMinutes(45)));
            assertThat(finding.sli().labels()).containsEntry("horizon", "all");
            assertThat(finding.evidence().get(0).detail()).contains("each waits on an object of its own");
        });
    }

    @Test
    void aLeakOfFifteenAnHourOverSixHoursIsJudgedOverTheHourAndTheWholeRecording() {
        Duration sixHours = Duration.ofHours(6);
        EngineResult result = leak(Duration.ofMinutes(4), sixHours).analyze(sixHours);

        assertThat(findings(result)).singleElement().asString().startsWith("thread-leak " + RELOAD);
        List<SliSample> lastRates = lastSamples(result, "threads.leak.rate");
        assertThat(lastRates).extracting(p -> p.labels().get("horizon")).containsExactly("recent", "hour", "all");
        assertThat(lastRates).filteredOn(p -> !p.labels().get("horizon").equals("recent"))
                .allSatisfy(p -> assertThat(p.value()).as(p.labels().get("horizon")).isBetween(13.0, 17.0));
    }

    @Test
    void liveALeakSeenOverSeveralHorizonsFiresOnceAndStaysOpen() {
        Duration twoHours = Duration.ofHours(2);
        List<ClosedWindow.FindingChange> changes = new ArrayList<>();
        Population leak = leak(Duration.ofMinutes(4), twoHours);
        leak.recording.analyze(WINDOW, twoHours, window -> changes.addAll(window.changes()));

        List<ClosedWindow.FindingChange> leaks = changes.stream()
                .filter(c -> c.finding().kind().id().equals("thread-leak")).toList();
        // Over the whole observation first, over the last hour from the first hour on: one alert.
        assertThat(leaks).singleElement().satisfies(change -> {
            assertThat(change.state()).isEqualTo(ClosedWindow.FindingChange.State.FIRED);
            assertThat(change.finding().site().frame()).startsWith(RELOAD);
        });
    }

    @Test
    void aLeakOfThirtyAnHourIsReportedFromTwentyMinutes() {
        Duration length = Duration.ofMinutes(20);
        EngineResult result = leak(Duration.ofMinutes(2), length).analyze(length);
        assertThat(findings(result)).singleElement().asString().startsWith("thread-leak " + RELOAD);
    }

    @Test
    void growthWhoseThreadsAllEndedBeforeTheRecordingDidIsNotALeak() {
        Duration length = Duration.ofMinutes(24);
        Population grown = new Population();
        long id = 100;
        for (Duration at = Duration.ofMinutes(2); at.compareTo(Duration.ofMinutes(20)) < 0; at = at.plus(Duration.ofMinutes(2))) {
            grown.start(id, at, "route-refresher-" + id, Stacks.SCHEDULER_PER_RELOAD_CREATED, ownScheduler(id));
            id++;
        }
        Population kept = new Population();
        for (Map.Entry<Long, Duration> started : grown.startedAt.entrySet()) {
            kept.start(started.getKey(), started.getValue(), "route-refresher-" + started.getKey(),
                    Stacks.SCHEDULER_PER_RELOAD_CREATED, ownScheduler(started.getKey()));
        }
        assertThat(findings(kept.dumped(length).analyze(length))).as("the same growth, its threads still alive")
                .singleElement().asString().startsWith("thread-leak " + RELOAD);

        // Every one of them stopped at minute 21 (the service closing what it started): nothing leaked.
        for (long thread : grown.startedAt.keySet()) {
            grown.end(thread, Duration.ofMinutes(21));
        }
        assertThat(grown.dumped(length).analyze(length).findings()).isEmpty();
    }

    @Test
    void warmUpThatStopsIsSilent() {
        Duration hour = Duration.ofHours(1);
        EngineResult result = pool(hour, i -> Duration.ofSeconds(5L * i), 24).analyze(hour);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void aFixedPoolFillingAtOneThreadASecondForMinutesIsSilentAndSaysWhy() {
        Duration hour = Duration.ofHours(1);
        EngineResult result = pool(hour, i -> Duration.ofSeconds(i), 200).analyze(hour);

        assertThat(result.findings()).isEmpty();
        assertThat(result.explanations()).anySatisfy(explanation -> {
            assertThat(explanation.decision()).isEqualTo("one-pool");
            assertThat(explanation.frame()).startsWith(HANDLER);
        });
    }

    @Test
    void aTrafficRampThatLevelsOffIsSilent() {
        Duration hour = Duration.ofHours(1);
        // Load rises for 15 minutes: the pool gains threads ever more slowly (square root), then holds 60.
        EngineResult result = pool(hour, i -> Duration.ofSeconds((long) (900 * Math.pow(i / 60.0, 2))), 60)
                .analyze(hour);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void aBurstyCachedPoolThatShrinksIsSilent() {
        Duration hour = Duration.ofHours(1);
        Population bursts = new Population();
        long id = 100;
        for (Duration burst = Duration.ofMinutes(2); burst.compareTo(hour) < 0; burst = burst.plusMinutes(5)) {
            for (int i = 0; i < 30; i++, id++) {
                Duration at = burst.plusMillis(200L * i);
                bursts.start(id, at, "report-" + id, Stacks.POOL_WORKER_CREATED, sharedPool(id, "report-" + id));
                // The cached pool's keep-alive: idle workers end 60 s after the burst.
                bursts.end(id, burst.plusSeconds(70 + i));
            }
        }
        EngineResult result = bursts.dumped(hour).analyze(hour);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void aFastLeakInAShortRecordingIsReportedFromItsRecentWindows() {
        Duration length = Duration.ofSeconds(40);
        Population leak = new Population();
        for (long id = 100; id < 126; id++) {
            Duration at = Duration.ofMillis(1500 * (id - 99));
            leak.start(id, at, "flag-refresher-" + id, Stacks.SCHEDULER_PER_RELOAD_CREATED, ownScheduler(id));
        }
        // Dumps every 10 s, as threadwatch.jfc takes them.
        for (int s = 10; s < 40; s += 10) {
            List<SyntheticRecording.Waiting> alive = new ArrayList<>();
            for (long id = 100; id < 126 && 1500 * (id - 99) < s * 1000L; id++) {
                alive.add(ownScheduler(id));
            }
            leak.recording.dump(Duration.ofSeconds(s), alive);
        }
        EngineResult result = leak.recording.analyze(Duration.ofSeconds(4), length);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.site().frame()).startsWith(RELOAD);
            assertThat(finding.sli().labels()).containsEntry("horizon", "recent");
            assertThat(finding.confidence().id()).as("dumps show a scheduler per reload").isEqualTo("confirmed");
        });
    }

    @Test
    void liveThreadsPerCreationSiteFollowStartsAndEnds() {
        Duration length = Duration.ofMinutes(10);
        Population threads = new Population();
        // 5 leaked schedulers, one every minute from minute 1, never ending.
        for (long id = 100; id < 105; id++) {
            threads.start(id, Duration.ofMinutes(id - 99), "route-refresher-" + id,
                    Stacks.SCHEDULER_PER_RELOAD_CREATED, ownScheduler(id));
        }
        // 4 pool workers started at minute 2, 3 of them gone by minute 5.
        for (long id = 200; id < 204; id++) {
            threads.start(id, Duration.ofMinutes(2), "pool-1-thread-" + id, Stacks.POOL_WORKER_CREATED,
                    sharedPool(id, "pool-1-thread-" + id));
            if (id < 203) {
                threads.end(id, Duration.ofMinutes(5));
            }
        }
        EngineResult result = threads.dumped(length).analyze(length);

        Map<String, Double> live = new TreeMap<>();
        for (SliSample point : lastSamples(result, "threads.site.live")) {
            live.put(point.labels().get("site").startsWith(RELOAD) ? "reload" : "other", point.value());
        }
        assertThat(live).containsEntry("reload", 5.0).containsEntry("other", 1.0);
        List<Double> reloadSeries = result.slis().stream()
                .filter(p -> p.name().equals("threads.site.live") && p.labels().get("site").startsWith(RELOAD))
                .map(SliSample::value).toList();
        assertThat(reloadSeries).as("one more leaked scheduler each minute, then flat").isSorted()
                .startsWith(1.0).endsWith(5.0);
    }

    /** A pool at the handler site, its {@code i}-th worker (of {@code size}) started at {@code startOf.apply(i)}. */
    private static Population pool(Duration length, IntFunction<Duration> startOf, int size) {
        Population pool = new Population();
        for (int i = 1; i <= size; i++) {
            long id = 100 + i;
            pool.start(id, startOf.apply(i), "pool-1-thread-" + i, Stacks.POOL_WORKER_CREATED,
                    sharedPool(id, "pool-1-thread-" + i));
        }
        return pool.dumped(length);
    }

    /** The samples of an SLI in the last window that has any. */
    private static List<SliSample> lastSamples(EngineResult result, String name) {
        List<SliSample> points = result.slis().stream().filter(p -> p.name().equals(name)).toList();
        Instant last = points.get(points.size() - 1).time();
        return points.stream().filter(p -> p.time().equals(last)).toList();
    }
}
