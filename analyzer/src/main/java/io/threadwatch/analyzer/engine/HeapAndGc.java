package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.GarbageCollected;
import io.threadwatch.analyzer.event.GcConfigured;
import io.threadwatch.analyzer.event.HeapAfterGc;
import io.threadwatch.analyzer.report.Values;
import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.rules.Sample;
import io.threadwatch.rules.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Garbage collection and the heap that survives it: GC pause distributions per window, the GC
 * overhead ratio, and a {@link Trend} of heap used after GC. Memory: a few histograms and the
 * after-GC points of the trend's span.
 */
final class HeapAndGc {

    private static final String HEAP = "heap";
    /** Fewer collections in the span than this say nothing about growth (start-up promotion). */
    static final int MIN_COLLECTIONS = 6;
    private static final int TOP = 8;

    private final Trend<String> heap;
    private final DurationCell pauses = new DurationCell();
    private final DurationCell runPauses = new DurationCell();
    private final TopCounts<String> collectors = new TopCounts<>(TOP);
    private final TopCounts<String> causes = new TopCounts<>(TOP);
    private long pauseNanosInWindow;
    private HeapAfterGc latestHeap;
    private GcConfigured configuration;
    private boolean heapSeenInWindow;

    HeapAndGc(Instant origin, Duration span) {
        this.heap = new Trend<>(origin, span, MIN_COLLECTIONS);
    }

    void collected(GarbageCollected gc) {
        pauses.record(gc.longestPauseNanos(), true);
        pauseNanosInWindow += gc.pausesNanos();
        collectors.add(gc.collector());
        causes.add(gc.cause());
    }

    void heapAfterGc(HeapAfterGc summary) {
        heap.add(HEAP, summary.time(), summary.usedBytes());
        latestHeap = summary;
        heapSeenInWindow = true;
    }

    void configured(GcConfigured config) {
        configuration = config;
    }

    /** The window's GC and heap SLIs; then starts the next window. */
    List<Sample> closeWindow(Window window) {
        List<Sample> samples = new ArrayList<>();
        double seconds = window.length().toNanos() / 1e9;
        if (pauses.count > 0 || heapSeenInWindow) {
            samples.add(Sli.GC_COUNT.sample(pauses.count));
            samples.add(Sli.GC_OVERHEAD_RATIO.sample(pauseNanosInWindow / 1e9 / seconds));
        }
        if (pauses.count > 0) {
            samples.add(Sli.GC_PAUSE_P99.sample(pauses.p99Millis()));
            pauses.addTo(runPauses);
        }
        if (latestHeap != null) {
            samples.add(Sli.HEAP_AFTER_GC_USED.sample(latestHeap.usedBytes()));
            Trend.Line line = heap.line(HEAP);
            if (line != null) {
                samples.add(Sli.HEAP_AFTER_GC_SLOPE.sample(line.perHour()));
                samples.add(Sli.HEAP_AFTER_GC_PVALUE.sample(line.pValue()));
                samples.add(Sli.HEAP_AFTER_GC_GROWTH.sample(line.recentGrowth()));
            }
        }
        pauses.reset();
        pauseNanosInWindow = 0;
        heapSeenInWindow = false;
        return samples;
    }

    /** One line on the collectors and their pauses over the run, for evidence. */
    String describePauses() {
        StringBuilder text = new StringBuilder();
        if (configuration != null) {
            text.append("collectors ").append(configuration.youngCollector()).append(" / ").append(configuration.oldCollector())
                    .append("; ");
        }
        text.append(runPauses.count).append(" collections (").append(String.join(", ", collectors.ranked()))
                .append("), longest pause p99 ").append(Values.forPeople(runPauses.p99Millis()))
                .append(" ms, max ").append(Values.forPeople(runPauses.maxMillis()))
                .append(" ms; causes: ").append(String.join(", ", causes.ranked()));
        return text.toString();
    }

    long collections() {
        return runPauses.count;
    }

    /** Heap used after the latest collection, or -1. */
    long latestHeapUsed() {
        return latestHeap == null ? -1 : latestHeap.usedBytes();
    }

    /** Heap committed at the latest collection, or -1. */
    long latestHeapCommitted() {
        return latestHeap == null ? -1 : latestHeap.committedBytes();
    }
}
