package io.threadwatch.analyzer.sli;

import io.threadwatch.rules.Sample;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Every SLI Threadwatch computes per window. */
public enum Sli {
    /** Live platform threads at the window's end ({@code jdk.JavaThreadStatistics}, else the ledger). */
    THREADS_LIVE("threads.live", "threads", List.of(), "live platform threads at window end"),
    /** Live application threads (not JVM or JDK service threads) per effective core. */
    THREADS_ACTIVE_RATIO("threads.active.ratio", "ratio", List.of(),
            "live application threads / effective cores"),
    /** Threads started at a creation site during the window, per second. */
    THREADS_START_RATE("threads.start.rate", "threads/s", List.of("site"), "thread starts at a creation site"),
    /**
     * Live threads created at a site, at the window's end: the points the leak trends are fitted
     * to, so that a report can draw the leaking site against the rest.
     */
    THREADS_SITE_LIVE("threads.site.live", "threads", List.of("site"),
            "live threads created at the site at window end (the points of threads.leak.rate)"),
    /**
     * Slope of the live threads created at a site, over a horizon: the recent windows, the last
     * hour, or everything observed (label {@code horizon}: {@code recent}, {@code hour}, {@code all}).
     */
    THREADS_LEAK_RATE("threads.leak.rate", "threads/hour", List.of("site", "horizon"),
            "regression slope of live threads created at the site over the horizon (recent windows, last hour, or all)"),
    /** How likely a slope that steep is by chance (the regression's two-sided p-value). */
    THREADS_LEAK_PVALUE("threads.leak.pvalue", "probability", List.of("site", "horizon"),
            "significance of threads.leak.rate: the p-value of its slope"),
    /** Live threads created at a site now, minus at the middle of the horizon. */
    THREADS_LEAK_GROWTH("threads.leak.growth", "threads", List.of("site", "horizon"),
            "net growth of live threads created at the site over the second half of the horizon"),
    /** Threads blocked at a site, without timeout, for longer than the stuck threshold. */
    THREADS_STUCK("threads.stuck", "threads", List.of("site", "state"),
            "threads blocked at the same frame beyond the stuck threshold"),
    /** Threads in a deadlock cycle, by the site where they wait. */
    THREADS_DEADLOCKED("threads.deadlocked", "threads", List.of("site"),
            "threads in a deadlock cycle reported by the latest thread dump"),
    /** The 99th percentile of the blocking durations that ended in the window. */
    BLOCKED_P99("blocked.p99", "ms", List.of("kind", "site"),
            "p99 of blocking durations; also per kind without site"),
    /** How many blocking events ended in the window. */
    BLOCKED_COUNT("blocked.count", "events", List.of("kind", "site"), "blocking events that ended in the window"),
    /**
     * Time spent blocked in the window per second of window: the average number of threads blocked
     * there. Each wait is charged only the part of it that fell in the window (the part before fell
     * in windows already closed), so the ratio never exceeds the number of threads involved.
     */
    BLOCKED_TIME_RATIO("blocked.time.ratio", "ratio", List.of("kind", "site"),
            "blocked time within the window / window length (threads blocked on average); a wait that began "
                    + "in an earlier window is charged only its part in this one"),
    /** Share of the kind's blocking events that took longer than 100 ms. */
    BLOCKED_SLOW_RATIO("blocked.slow.ratio", "ratio", List.of("kind"), "share of blocking events over 100 ms"),
    /** Virtual threads started during the recording and not ended, at the window's end. */
    VTHREADS_LIVE("vthreads.live", "threads", List.of(),
            "live virtual threads at window end (started and not ended; needs jdk.VirtualThreadStart/End)"),
    /** Slope of the live virtual threads last seen at a site, over a horizon (as {@link #THREADS_LEAK_RATE}). */
    VTHREADS_LEAK_RATE("vthreads.leak.rate", "threads/hour", List.of("site", "horizon"),
            "regression slope of live virtual threads by where they were last seen, over the horizon"),
    /** Significance of {@code vthreads.leak.rate}. */
    VTHREADS_LEAK_PVALUE("vthreads.leak.pvalue", "probability", List.of("site", "horizon"),
            "significance of vthreads.leak.rate: the p-value of its slope"),
    /** Live virtual threads last seen at a site now, minus at the middle of the horizon. */
    VTHREADS_LEAK_GROWTH("vthreads.leak.growth", "threads", List.of("site", "horizon"),
            "net growth of live virtual threads at the site over the second half of the horizon"),
    /** The 99th percentile of the pinned waits that ended in the window. */
    VTHREADS_PINNED_P99("vthreads.pinned.p99", "ms", List.of("site"),
            "p99 of virtual-thread pinned durations; without site: of every pinned wait, application frame or not"),
    /** How many pinned waits ended in the window. */
    VTHREADS_PINNED_COUNT("vthreads.pinned.count", "events", List.of("site"),
            "pinned waits that ended in the window; without site: all of them, 0 once pinning was seen"),
    /** Virtual threads the scheduler refused in the window. */
    VTHREADS_SUBMIT_FAILED("vthreads.submit.failed", "events", List.of("site"),
            "virtual threads whose start or continuation the scheduler refused"),
    /** The 99th percentile of the longest pause of each collection in the window. */
    GC_PAUSE_P99("gc.pause.p99", "ms", List.of(), "p99 of GC pauses (longest pause of each collection)"),
    /**
     * Time in GC pauses per second of window. A collection is charged only the part of its pauses
     * that can lie in the window (at most the time from the window's start to its end), so it
     * never exceeds 1.
     */
    GC_OVERHEAD_RATIO("gc.overhead.ratio", "ratio", List.of(),
            "GC pause time within the window / window length; a collection that began in an earlier window "
                    + "is charged at most its part in this one"),
    /** Collections that ended in the window. */
    GC_COUNT("gc.count", "collections", List.of(), "garbage collections that ended in the window"),
    /** Stop-the-world collections of the whole heap that ended in the window. */
    GC_FULL_COUNT("gc.full.count", "collections", List.of(),
            "full collections (G1Full, SerialOld, ParallelOld) that ended in the window"),
    /** Heap used after the window's last collection. */
    HEAP_AFTER_GC_USED("heap.after_gc.used", "bytes", List.of(), "heap used after the latest collection"),
    /** The heap's maximum size. */
    HEAP_MAX("heap.max", "bytes", List.of(),
            "the maximum heap size (jdk.GCHeapConfiguration, else the heap's reserved size)"),
    /** The live set: heap used after old-generation collections, or the lowest after young ones before any. */
    HEAP_LIVE("heap.live", "bytes", List.of(),
            "live set: the lowest heap used after a full, mixed or old collection in the latest window that had "
                    + "one; before the first, the lowest heap used after any collection of the window"),
    /** The live set as a share of the maximum heap. */
    HEAP_LIVE_RATIO("heap.live.ratio", "ratio", List.of(), "heap.live / heap.max"),
    /** Slope of the live set over the last windows. */
    HEAP_AFTER_GC_SLOPE("heap.after_gc.slope", "bytes/hour", List.of(),
            "regression slope of the live set (heap.live points) over the last windows; only with at least "
                    + "10 s of points, 3 measured after old-generation collections or 6 window minima"),
    /** Significance of {@code heap.after_gc.slope}. */
    HEAP_AFTER_GC_PVALUE("heap.after_gc.pvalue", "probability", List.of(),
            "significance of heap.after_gc.slope: the p-value of its slope"),
    /** The live set now, minus at the middle of the span. */
    HEAP_AFTER_GC_GROWTH("heap.after_gc.growth", "bytes", List.of(),
            "growth of the live set over the second half of the span"),
    /** How much of the maximum heap the live set gained over the time it was observed. */
    HEAP_LIVE_GROWTH_RATIO("heap.live.growth.ratio", "ratio", List.of(),
            "live-set growth over the observed span (slope x span, no extrapolation) / heap.max"),
    /** Minutes until the live set fills the maximum heap at its slope. */
    HEAP_LIVE_TIME_TO_FULL("heap.live.time_to_full", "minutes", List.of(),
            "minutes until the live set reaches heap.max at heap.after_gc.slope; only while it grows");

    private final String id;
    private final String unit;
    private final List<String> labels;
    private final String meaning;

    Sli(String id, String unit, List<String> labels, String meaning) {
        this.id = id;
        this.unit = unit;
        this.labels = labels;
        this.meaning = meaning;
    }

    /** The SLI's name, e.g. {@code threads.leak.rate}. */
    public String id() {
        return id;
    }

    /** Its unit, e.g. {@code threads/hour}. */
    public String unit() {
        return unit;
    }

    /** The labels its samples may carry. */
    public List<String> labels() {
        return labels;
    }

    /** One line on what it measures. */
    public String meaning() {
        return meaning;
    }

    /** An unlabelled sample of this SLI. */
    public Sample sample(double value) {
        return Sample.of(id, value);
    }

    /** A sample with label name and value pairs. */
    public Sample sample(double value, String... labelPairs) {
        if (labelPairs.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs");
        }
        TreeMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            map.put(labelPairs[i], labelPairs[i + 1]);
        }
        return new Sample(id, map, value);
    }

    /** Every SLI name, for validating rules. */
    public static Set<String> ids() {
        return Arrays.stream(values()).map(Sli::id).collect(Collectors.toUnmodifiableSet());
    }

    /** The SLI with this name, if any. */
    public static Optional<Sli> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    private static final Map<String, Sli> BY_ID = Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Sli::id, s -> s));
}
