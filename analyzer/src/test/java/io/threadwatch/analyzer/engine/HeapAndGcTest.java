package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.event.G1CollectionTyped;
import io.threadwatch.analyzer.event.GarbageCollected;
import io.threadwatch.analyzer.event.HeapAfterGc;
import io.threadwatch.analyzer.event.HeapConfigured;
import io.threadwatch.analyzer.event.SettingObserved;
import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.analyzer.result.Limitation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * The heap and GC detectors on synthetic collections: {@code jdk.GarbageCollection},
 * {@code jdk.G1GarbageCollection} and the after-GC {@code jdk.GCHeapSummary} of each, with values
 * from the committed recordings ({@code jfr print} of unbounded-cache, cache-warmup, full-heap).
 */
class HeapAndGcTest {

    private static final long MB = 1_000_000L;
    private static final long MIB = 1L << 20;
    private static final long MS = 1_000_000L;
    private static final long HEAP_512M = 512 * MIB;

    /** A run that numbers its collections like the JVM. */
    private static final class Gcs {
        final EngineRun run;
        long gcId;

        Gcs(Duration window) {
            run = new EngineRun(window);
        }

        /** A collection ending at {@code seconds}, with the heap used after it. */
        Gcs gc(double seconds, String collector, String g1Type, String cause, double pauseMillis, long usedAfter,
               long maxHeap) {
            Instant end = run.at(seconds);
            long pause = Math.round(pauseMillis * MS);
            run.add(new HeapAfterGc(end, gcId, usedAfter, maxHeap, maxHeap));
            run.add(new GarbageCollected(end, gcId, collector, cause, pause, pause));
            if (!g1Type.isEmpty()) {
                run.add(new G1CollectionTyped(end, gcId, g1Type));
            }
            gcId++;
            return this;
        }

        Gcs young(double seconds, long usedAfter, long maxHeap) {
            return gc(seconds, "G1New", "Normal", "G1 Evacuation Pause", 15, usedAfter, maxHeap);
        }
    }

    /**
     * unbounded-cache.threadwatch-jdk25: seconds after 21:01:08 and heap used after each young
     * collection (G1New, MB), on a 512 MB heap, with no old collection in the run.
     */
    private static final double[][] UNBOUNDED_CACHE = {
            {0.949, 7.5}, {1.076, 11.5}, {1.468, 10.9}, {3.490, 18.6}, {5.188, 23.5}, {6.969, 25.5}, {8.748, 31.0},
            {10.448, 35.5}, {12.150, 39.5}, {13.847, 45.7}, {15.547, 51.0}, {17.233, 56.4}, {18.930, 62.1},
            {20.677, 64.6}, {22.411, 68.1}, {24.183, 73.5}, {25.871, 79.2}, {27.640, 81.1}, {29.339, 87.9},
            {31.057, 90.7}, {32.789, 95.4}, {34.518, 98.7}, {36.243, 104.0}, {37.964, 108.3}, {39.685, 110.8}};

    @Test
    void aLiveSetGrowingForTheWholeRunIsReportedAsAShareOfTheHeapAndATimeToFull() {
        Gcs gcs = new Gcs(Duration.ofSeconds(4));
        for (double[] gc : UNBOUNDED_CACHE) {
            gcs.young(gc[0], (long) (gc[1] * MB), HEAP_512M);
        }
        EngineResult result = gcs.run.finish(40.128);

        List<Finding> growth = EngineRun.findings(result, "heap-growth");
        assertThat(growth).hasSize(1);
        Finding finding = growth.get(0);
        assertThat(finding.sli().name()).isEqualTo("heap.live.growth.ratio");
        assertThat(finding.message()).doesNotContain("site shown").contains("of the max heap");
        Evidence liveSet = finding.evidence().stream().filter(e -> e.role().equals("live-set")).findFirst().orElseThrow();
        assertThat(liveSet.detail())
                .contains("window minima of the heap after young collections")
                .contains("of the max heap in that time")
                .containsPattern("fills it in [0-9.]+ min");
        // The growth is judged over what was seen: about 2.6 MB/s for 30 s is 15% of 512 MiB, not a rate per hour.
        assertThat(EngineRun.series(result, "heap.live.growth.ratio").values()).allMatch(r -> r > 0.05 && r < 0.25);
        assertThat(EngineRun.series(result, "heap.live.time_to_full").values()).allMatch(m -> m > 1 && m < 10);
    }

    @Test
    void oneSecondOfGrowthGivesNoRate() {
        // Twelve young collections in three seconds, each 20 MB higher: 1 TiB/hour if extrapolated.
        Gcs gcs = new Gcs(Duration.ofSeconds(1));
        for (int i = 0; i < 12; i++) {
            gcs.young(0.1 + i * 0.25, (40 + 20L * i) * MB, HEAP_512M);
        }
        EngineResult result = gcs.run.finish(3.2);

        assertThat(EngineRun.series(result, "heap.after_gc.slope")).as("no trend from 3 s of points").isEmpty();
        assertThat(EngineRun.findings(result, "heap-growth")).isEmpty();
        assertThat(EngineRun.series(result, "heap.live").values()).containsExactly(40.0 * MB, 120.0 * MB, 200.0 * MB, 200.0 * MB);
    }

    @Test
    void aCacheThatWarmsUpAndThenHoldsIsSilent() {
        // cache-warmup's shape: the heap after young GC rises from 9 MB to about 85 MB during the
        // first 12 s (a tile cache filling), then holds within a MB, one young GC every 1.7 s.
        Gcs gcs = new Gcs(Duration.ofSeconds(4));
        for (int i = 0; i < 24; i++) {
            double at = 0.9 + i * 1.7;
            double mb = at < 12 ? 9 + 6.4 * at : 85 + (i % 3) * 0.4;
            gcs.young(at, (long) (mb * MB), HEAP_512M);
        }
        EngineResult result = gcs.run.finish(40.4);

        assertThat(EngineRun.findings(result, "heap-growth")).isEmpty();
        assertThat(EngineRun.series(result, "heap.after_gc.growth").values()).allMatch(g -> g < 8 * MIB);
    }

    @Test
    void youngCollectionsCreepingBetweenMixedOnesDoNotMoveTheLiveSet() {
        // G1 on a 2 GiB heap: promoted sessions raise the heap after each young GC by 6 MB until the
        // mixed pauses after a concurrent cycle bring it back to the 600 MB live set, every 12 s.
        long heap = 2048 * MIB;
        Gcs gcs = new Gcs(Duration.ofSeconds(4));
        double at = 0.5;
        for (int cycle = 0; cycle < 6; cycle++) {
            for (int young = 0; young < 6; young++) {
                gcs.young(at, (600 + 6L * (young + 1) * (cycle + 1)) * MB, heap);
                at += 1.5;
            }
            gcs.gc(at, "G1New", "Mixed", "G1 Evacuation Pause", 20, (600 + cycle % 2) * MB, heap);
            at += 1.5;
            gcs.gc(at, "G1Old", "", "G1 Periodic Collection", 3, (650 + cycle) * MB, heap);
            at += 1.5;
        }
        EngineResult result = gcs.run.finish(at);

        assertThat(EngineRun.findings(result, "heap-growth")).isEmpty();
        SortedMap<String, Double> live = EngineRun.series(result, "heap.live");
        assertThat(live.values()).as("after the first mixed pause only mixed (or old) windows give points")
                .allMatch(bytes -> bytes <= 642 * MB);
        assertThat(live.get(live.lastKey())).isIn(600.0 * MB, 601.0 * MB);
    }

    @Test
    void theLiveSetIsTheLowestHeapAfterGcOfAWindowWithAnOldCollection() {
        // cache-warmup, gcIds 13-17: a mixed pause leaves 498 MB (old regions it did not collect
        // still hold humongous garbage), the concurrent cycle's cleanup and the next young pause 122 and 109 MB.
        Gcs gcs = new Gcs(Duration.ofSeconds(4));
        gcs.young(0.5, 152 * MB, HEAP_512M)
                .gc(1.9, "G1New", "Mixed", "G1 Evacuation Pause", 8.3, 498 * MB, HEAP_512M)
                .young(2.3, 466 * MB, HEAP_512M)
                .gc(2.6, "G1Old", "", "G1 Humongous Allocation", 2.6, 122 * MB, HEAP_512M)
                .young(3.1, 109 * MB, HEAP_512M)
                .young(5.0, 148 * MB, HEAP_512M);
        EngineResult result = gcs.run.finish(8);

        assertThat(EngineRun.series(result, "heap.live").values())
                .as("the second window has young collections only: the live set is not measured again")
                .containsExactly(109.0 * MB, 109.0 * MB);
        assertThat(EngineRun.series(result, "heap.after_gc.used").values()).containsExactly(109.0 * MB, 148.0 * MB);
    }

    @Test
    void backToBackFullCollectionsOnAFullHeapAreGcPressure() {
        // full-heap.threadwatch-jdk25: G1Full ("G1 Compaction Pause") leaving 58-59 MB of 64 MB,
        // five a second, between young pauses on humongous allocations that free 1-2 MB.
        long heap = 64 * MIB;
        Gcs gcs = new Gcs(Duration.ofSeconds(4));
        gcs.run.add(new HeapConfigured(gcs.run.at(0), heap));
        for (int i = 0; i < 60; i++) {
            double at = 0.1 + i * 0.2;
            if (i % 2 == 0) {
                gcs.gc(at, "G1Full", "", "G1 Compaction Pause", 7.5, (58 + i % 3 / 2) * MIB + 712 * 1024, heap);
            } else {
                gcs.gc(at, "G1New", "Normal", "G1 Humongous Allocation", 1.0, 57 * MIB + 300 * 1024, heap);
            }
        }
        EngineResult result = gcs.run.finish(12);

        List<Finding> pressure = EngineRun.findings(result, "gc-pressure");
        assertThat(pressure).hasSize(1);
        Finding finding = pressure.get(0);
        assertThat(finding.rule()).isEqualTo("full-heap");
        assertThat(finding.site()).isNull();
        assertThat(finding.evidence().get(0).detail())
                .contains("60 collections (G1Full, G1New), 30 of them full (causes: G1 Compaction Pause)")
                .contains("of the 64 MiB max heap");
        assertThat(EngineRun.series(result, "gc.full.count").values()).containsExactly(10.0, 10.0, 10.0);
    }

    @Test
    void aLongPauseIsChargedOnlyItsPartInTheWindow() {
        // A 4.2 s full collection ending 4.1 s into a 4 s window: at most the whole window was paused.
        Gcs gcs = new Gcs(Duration.ofSeconds(4));
        gcs.gc(4.1, "G1Full", "", "Allocation Failure", 4_200, 500 * MIB, HEAP_512M);
        gcs.gc(7.9, "G1New", "Normal", "G1 Evacuation Pause", 10, 500 * MIB, HEAP_512M);
        EngineResult result = gcs.run.finish(8);

        assertThat(EngineRun.series(result, "gc.overhead.ratio").values()).allMatch(ratio -> ratio <= 1.0)
                .containsExactly(0.0275);
    }

    @Test
    void heapSummariesOffLimitsHeapGrowthOnlyAndGcEventsOffGcPressureOnly() {
        EngineRun run = new EngineRun(Duration.ofSeconds(4));
        run.add(new SettingObserved(run.at(0), "jdk.GCHeapSummary", "enabled", "false"));
        run.add(new SettingObserved(run.at(0), "jdk.GarbageCollection", "enabled", "true"));
        // Settings list every type a JVM knows; one they leave out was not recorded (LimitationsTest).
        run.add(new SettingObserved(run.at(0), "jdk.OldObjectSample", "enabled", "true"));
        List<Limitation> limitations = run.finish(8).limitations();

        assertThat(limitations).filteredOn(l -> l.kinds().contains("gc-pressure")).isEmpty();
        assertThat(limitations).filteredOn(l -> l.kinds().contains("heap-growth"))
                .extracting(Limitation::id).containsExactly("no-heap-summaries");

        EngineRun noGc = new EngineRun(Duration.ofSeconds(4));
        noGc.add(new SettingObserved(noGc.at(0), "jdk.GarbageCollection", "enabled", "false"));
        assertThat(noGc.finish(8).limitations()).filteredOn(l -> l.kinds().contains("gc-pressure"))
                .extracting(Limitation::id, Limitation::kinds).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "no-gc-events", List.of("gc-pressure")));
    }
}
