package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.G1CollectionTyped;
import io.threadwatch.analyzer.event.GarbageCollected;
import io.threadwatch.analyzer.event.GcConfigured;
import io.threadwatch.analyzer.event.HeapAfterGc;
import io.threadwatch.analyzer.event.HeapConfigured;
import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.analyzer.result.Values;
import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.rules.EvidenceRole;
import io.threadwatch.rules.Sample;
import io.threadwatch.rules.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Garbage collection and the heap that survives it: GC pause distributions and the share of each
 * window spent in pauses, full collections, and the heap's live set (one point per window, see
 * {@link LiveSetTrend}) judged against the heap's maximum size. Memory: a few histograms, the
 * collections of the open window and the live-set points of the trend's span.
 */
final class HeapAndGc implements SliProducer, EvidenceProducer {

    private static final int TOP = 8;
    /** Collections whose heap summary or name is still to come; the JVM writes them within microseconds. */
    private static final int PENDING_LIMIT = 256;

    /** What the run knows of one collection until the window it ended in closes. */
    private static final class Collection {
        String collector = "";
        boolean mixed;
        Instant heapTime;
        long heapUsedBytes = -1;
        int windowsWaited;
    }

    private final LiveSetTrend liveSet;
    private final DurationCell pauses = new DurationCell();
    private final DurationCell runPauses = new DurationCell();
    private final TopCounts<String> collectors = new TopCounts<>(TOP);
    private final TopCounts<String> causes = new TopCounts<>(TOP);
    private final TopCounts<String> fullCauses = new TopCounts<>(TOP);
    private final Map<Long, Collection> pending = new LinkedHashMap<>();
    private Instant windowStart;
    private long pauseNanosInWindow;
    private long fullInWindow;
    private long fullInRun;
    private long measuredInRun;
    private boolean collectionsSeen;
    private HeapAfterGc latestHeap;
    private GcConfigured configuration;
    private long configuredMaxBytes;
    private LiveSetTrend.Line latestLine;

    HeapAndGc(Instant origin, Duration span) {
        this.windowStart = origin;
        this.liveSet = new LiveSetTrend(span);
    }

    void collected(GarbageCollected gc) {
        collectionsSeen = true;
        pauses.record(gc.longestPauseNanos(), true);
        pauseNanosInWindow += chargeable(gc);
        collectors.add(gc.collector());
        causes.add(gc.cause());
        if (Collectors.isFull(gc.collector())) {
            fullInWindow++;
            fullInRun++;
            fullCauses.add(gc.cause());
        }
        collection(gc.gcId()).collector = gc.collector();
    }

    /**
     * The part of a collection's pauses that fell in the open window. Its pauses lie between its
     * start and its end, and the part before the window's start belongs to windows already closed:
     * charging it here once gave {@code gc.overhead.ratio} 1.05 for a 4.2 s full GC in a 4 s window.
     */
    private long chargeable(GarbageCollected gc) {
        return Math.min(gc.pausesNanos(), BlockingStats.sinceWindowStart(windowStart, gc.time()));
    }

    void typed(G1CollectionTyped typed) {
        collection(typed.gcId()).mixed = typed.mixed();
    }

    void heapAfterGc(HeapAfterGc summary) {
        Collection collection = collection(summary.gcId());
        collection.heapTime = summary.time();
        collection.heapUsedBytes = summary.usedBytes();
        latestHeap = summary;
    }

    void configured(GcConfigured config) {
        configuration = config;
    }

    void configured(HeapConfigured config) {
        configuredMaxBytes = config.maxBytes();
    }

    private Collection collection(long gcId) {
        Collection collection = pending.get(gcId);
        if (collection == null) {
            if (pending.size() >= PENDING_LIMIT) {
                Iterator<Long> oldest = pending.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            collection = new Collection();
            pending.put(gcId, collection);
        }
        return collection;
    }

    /** The heap's maximum size: configured, else the reserved size of the latest heap summary; 0 if unknown. */
    private long maxHeapBytes() {
        if (configuredMaxBytes > 0) {
            return configuredMaxBytes;
        }
        return latestHeap == null ? 0 : latestHeap.reservedBytes();
    }

    /** The window's GC and heap SLIs; then starts the next window. */
    @Override
    public List<Sample> closeWindow(Window window) {
        List<Sample> samples = new ArrayList<>();
        double seconds = window.length().toNanos() / 1e9;
        LiveSetTrend.Point point = foldCollections();
        if (pauses.count > 0 || point != null) {
            samples.add(Sli.GC_COUNT.sample(pauses.count));
            samples.add(Sli.GC_FULL_COUNT.sample(fullInWindow));
            samples.add(Sli.GC_OVERHEAD_RATIO.sample(pauseNanosInWindow / 1e9 / seconds));
        }
        if (pauses.count > 0) {
            samples.add(Sli.GC_PAUSE_P99.sample(pauses.p99Millis()));
            pauses.addTo(runPauses);
        }
        long max = maxHeapBytes();
        if (max > 0 && (collectionsSeen || latestHeap != null)) {
            samples.add(Sli.HEAP_MAX.sample(max));
        }
        if (latestHeap != null) {
            samples.add(Sli.HEAP_AFTER_GC_USED.sample(latestHeap.usedBytes()));
        }
        if (point != null) {
            liveSet.add(point);
        }
        LiveSetTrend.Point live = liveSet.latest();
        if (live != null) {
            samples.add(Sli.HEAP_LIVE.sample(live.bytes()));
            if (max > 0) {
                samples.add(Sli.HEAP_LIVE_RATIO.sample((double) live.bytes() / max));
            }
            trendSamples(samples, max);
        }
        pauses.reset();
        pauseNanosInWindow = 0;
        fullInWindow = 0;
        windowStart = window.end();
        return samples;
    }

    private void trendSamples(List<Sample> samples, long max) {
        LiveSetTrend.Line line = liveSet.line();
        if (line == null) {
            return;
        }
        latestLine = line;
        samples.add(Sli.HEAP_AFTER_GC_SLOPE.sample(line.perHour()));
        samples.add(Sli.HEAP_AFTER_GC_PVALUE.sample(line.pValue()));
        samples.add(Sli.HEAP_AFTER_GC_GROWTH.sample(line.recentGrowth()));
        if (max > 0) {
            samples.add(Sli.HEAP_LIVE_GROWTH_RATIO.sample(line.observedGrowthBytes() / max));
            if (line.perHour() > 0) {
                samples.add(Sli.HEAP_LIVE_TIME_TO_FULL.sample(minutesToFull(line, max)));
            }
        }
    }

    /** Minutes until the live set reaches the maximum heap at the line's slope. */
    private static double minutesToFull(LiveSetTrend.Line line, long max) {
        return Math.max(0, max - line.latest().bytes()) / line.perHour() * 60;
    }

    /**
     * Turns the window's collections into its live-set point: the lowest heap after any of its
     * collections, the tightest bound on the live set the window gives (the heap after a G1 mixed
     * pause still holds the garbage of the old regions it left for later, and the heap after a
     * young one can be lower: cache-warmup recording, 498 MB after a mixed pause, 122 MB after the
     * next young one). It is a measurement when the window had a full, mixed or old collection;
     * otherwise an estimate, and only until the run's first old-generation collection: after it,
     * young collections show the garbage promoted since (G1's old generation creeps up between
     * concurrent cycles), not the live set, which the next old collection measures again.
     */
    private LiveSetTrend.Point foldCollections() {
        LiveSetTrend.Point lowest = null;
        boolean measured = false;
        for (Iterator<Collection> it = pending.values().iterator(); it.hasNext(); ) {
            Collection collection = it.next();
            if (collection.heapUsedBytes < 0) {
                // No heap summary (yet, or ever: jdk.GCHeapSummary off): nothing to learn of the live set.
                if (collection.windowsWaited++ > 0) {
                    it.remove();
                }
                continue;
            }
            if (collection.collector.isEmpty() && collectionsSeen && collection.windowsWaited++ == 0) {
                continue; // its jdk.GarbageCollection commits just after the window's end
            }
            it.remove();
            measured |= Collectors.isOldGeneration(collection.collector, collection.mixed);
            if (lowest == null || collection.heapUsedBytes < lowest.bytes()) {
                lowest = new LiveSetTrend.Point(collection.heapTime, collection.heapUsedBytes, LiveSetTrend.Basis.ESTIMATED);
            }
        }
        if (lowest == null) {
            return null;
        }
        if (measured) {
            measuredInRun++;
            return new LiveSetTrend.Point(lowest.time(), lowest.bytes(), LiveSetTrend.Basis.MEASURED);
        }
        return measuredInRun == 0 ? lowest : null;
    }

    /** The collectors, the pauses and causes over the run, for evidence. */
    private GcSummary summary() {
        return new GcSummary(configuration == null ? "" : configuration.youngCollector() + " / "
                + configuration.oldCollector(), runPauses.count, collectors.ranked(), fullInRun, fullCauses.ranked(),
                runPauses.p99Millis(), runPauses.maxMillis(), causes.ranked(),
                latestHeap == null ? -1 : latestHeap.usedBytes(), maxHeapBytes(),
                liveSet.latest() == null ? -1 : liveSet.latest().bytes());
    }

    @Override
    public Set<EvidenceRole> roles() {
        return Set.of(EvidenceRole.GC_PAUSES, EvidenceRole.LIVE_SET);
    }

    @Override
    public List<Evidence> evidence(EvidenceRole role, Site site, SortedMap<String, String> labels) {
        return role == EvidenceRole.LIVE_SET ? liveSetEvidence() : gcPauses();
    }

    private List<Evidence> gcPauses() {
        if (runPauses.count == 0) {
            return List.of();
        }
        GcSummary gc = summary();
        StringBuilder detail = new StringBuilder();
        if (!gc.collectors().isEmpty()) {
            detail.append("collectors ").append(gc.collectors()).append("; ");
        }
        detail.append(gc.count()).append(" collections (").append(String.join(", ", gc.byCollector())).append(')');
        if (gc.full() > 0) {
            detail.append(", ").append(gc.full()).append(" of them full (causes: ")
                    .append(String.join(", ", gc.fullCauses())).append(')');
        }
        detail.append("; longest pause p99 ").append(Values.forPeople(gc.pauseP99Millis())).append(" ms, max ")
                .append(Values.forPeople(gc.pauseMaxMillis())).append(" ms; causes: ").append(String.join(", ", gc.causes()));
        if (gc.lastUsedBytes() >= 0) {
            detail.append("; heap used after the last GC ").append(mib(gc.lastUsedBytes()));
            if (gc.liveBytes() >= 0) {
                detail.append(", live set ").append(mib(gc.liveBytes()));
            }
            detail.append(gc.maxBytes() > 0 ? " of the " + mib(gc.maxBytes()) + " max heap" : " (max heap unknown)");
        }
        return List.of(new Evidence("gc-pauses", gc.count(), List.of(), List.of(), detail.toString()));
    }

    /**
     * The live set's latest trend (the one the latest SLIs came from): what it was measured after,
     * how much of the heap it gained, how soon it fills it.
     */
    private List<Evidence> liveSetEvidence() {
        LiveSetTrend.Line line = latestLine;
        if (line == null) {
            return List.of();
        }
        long max = maxHeapBytes();
        StringBuilder detail = new StringBuilder();
        detail.append("live set ").append(mib(line.first().bytes())).append(share(line.first().bytes(), max))
                .append(" at ").append(Values.instant(line.first().time())).append(", ")
                .append(mib(line.latest().bytes())).append(share(line.latest().bytes(), max)).append(" at ")
                .append(Values.instant(line.latest().time())).append(": ").append(line.points()).append(' ')
                .append(line.basis() == LiveSetTrend.Basis.MEASURED
                        ? "points measured after full, mixed or old collections"
                        : "window minima of the heap after young collections (no old, mixed or full collection yet: an "
                                + "old collection may still free part of it)")
                .append(" over ").append(Values.forPeople(line.observedSeconds())).append(" s");
        if (max > 0) {
            detail.append("; it gained ").append(Values.forPeople(100.0 * line.observedGrowthBytes() / max))
                    .append("% of the max heap in that time");
            if (line.perHour() > 0) {
                detail.append(", and at that rate fills it in ").append(Values.forPeople(minutesToFull(line, max)))
                        .append(" min");
            }
        }
        return List.of(new Evidence("live-set", line.points(), List.of(), List.of(), detail.toString()));
    }

    private static String mib(long bytes) {
        return Values.forPeople(bytes / 1048576.0) + " MiB";
    }

    private static String share(long bytes, long max) {
        return max > 0 ? " (" + Values.forPeople(100.0 * bytes / max) + "% of the max heap)" : "";
    }

    /**
     * What the run's collections add up to.
     *
     * @param collectors    {@code young / old} from {@code jdk.GCConfiguration}, or empty
     * @param count         collections
     * @param byCollector   collector names, most frequent first
     * @param full          full collections
     * @param fullCauses    their causes, most frequent first
     * @param pauseP99Millis p99 of each collection's longest pause
     * @param pauseMaxMillis the longest pause
     * @param causes        all causes, most frequent first
     * @param lastUsedBytes heap used after the latest collection, or -1
     * @param maxBytes      the maximum heap, or 0 when unknown
     * @param liveBytes     the latest live-set point, or -1
     */
    private record GcSummary(String collectors, long count, List<String> byCollector, long full, List<String> fullCauses,
                     double pauseP99Millis, double pauseMaxMillis, List<String> causes, long lastUsedBytes,
                     long maxBytes, long liveBytes) {
    }
}
