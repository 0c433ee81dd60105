package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.EpochNanos;
import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.analyzer.result.Values;
import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.rules.EvidenceRole;
import io.threadwatch.rules.Sample;
import io.threadwatch.rules.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Blocking durations per kind and site: one {@link DurationCell} for the open window, reset when
 * it closes, and one for the whole run that each window is added into. Memory is a few histograms
 * per (kind, site), whatever the number of events.
 */
final class BlockingStats implements SliProducer, EvidenceProducer {

    private static final int STACKS_PER_SITE = 8;
    private static final long MILLI = 1_000_000L;
    private static final int BLOCKERS_PER_SITE = 8;

    private record Key(BlockingKind kind, Site site) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byKind = kind.compareTo(other.kind);
            return byKind != 0 ? byKind : site.compareTo(other.site);
        }
    }

    /** What the run keeps per (kind, site) for evidence. */
    static final class RunCell {
        final DurationCell total = new DurationCell();
        final TopCounts<Stack> stacks = new TopCounts<>(STACKS_PER_SITE);
        final TopCounts<String> blockers = new TopCounts<>(BLOCKERS_PER_SITE);
        /** The highest p99 of one window, and that window: what a rule on {@code blocked.p99} saw at worst. */
        double worstWindowP99Millis;
        Window worstWindow;
    }

    /** The open window's cell and the run's cell of one (kind, site): one lookup per event for both. */
    private static final class Cells {
        final DurationCell window = new DurationCell();
        final RunCell run = new RunCell();
    }

    // Hash maps on the per-event path; sorted only when a window closes, for stable output.
    private final Map<Key, Cells> cells = new HashMap<>();
    private final Map<BlockingKind, DurationCell> windowByKind = new EnumMap<>(BlockingKind.class);
    /** The open window's start, in {@link EpochNanos}. */
    private long windowStartNanos;

    /** @param origin where the first window starts */
    BlockingStats(Instant origin) {
        this.windowStartNanos = EpochNanos.of(origin);
    }

    /**
     * Records one {@link io.threadwatch.analyzer.event.Blocked} wait at an application site, by its
     * fields: the engine takes waits without building their record.
     *
     * @param endEpochNanos when it ended, in {@link EpochNanos}
     */
    void record(BlockingKind kind, long endEpochNanos, long durationNanos, boolean timed, Stack stack, String blocker,
                Site site) {
        Cells siteCells = cells.computeIfAbsent(new Key(kind, site), k -> new Cells());
        long charged = chargeable(durationNanos, endEpochNanos);
        siteCells.window.record(durationNanos, timed, charged);
        windowByKind.computeIfAbsent(kind, k -> new DurationCell()).record(durationNanos, timed, charged);
        RunCell runCell = siteCells.run;
        runCell.stacks.add(stack);
        if (!blocker.isEmpty()) {
            runCell.blockers.add(blocker);
        }
    }

    /**
     * The part of a wait that fell in the open window. An event is committed when the wait ends,
     * and the part before the window's start belongs to windows already closed, whose SLIs are out:
     * charging the whole wait here once gave {@code blocked.time.ratio} 8.0 for one thread blocked
     * 8 s in a 1 s window.
     */
    private long chargeable(long durationNanos, long endEpochNanos) {
        return Math.min(durationNanos, sinceWindowStart(windowStartNanos, endEpochNanos));
    }

    /**
     * The time from a window's start to an event's end, in whole milliseconds: parsers convert a
     * chunk's ticks with clocks that differ by a few nanoseconds (README, "Parsers"), and the
     * charged part of a wait must not depend on which parser read the recording.
     */
    static long sinceWindowStart(Instant windowStart, Instant end) {
        return sinceWindowStart(EpochNanos.of(windowStart), EpochNanos.of(end));
    }

    private static long sinceWindowStart(long windowStartNanos, long endEpochNanos) {
        long nanos = endEpochNanos - windowStartNanos;
        return nanos <= 0 ? 0 : nanos / MILLI * MILLI;
    }

    /** The window's blocking SLIs; then starts the next window. */
    @Override
    public List<Sample> closeWindow(Window closing) {
        List<Sample> samples = new ArrayList<>();
        double seconds = closing.length().toNanos() / 1e9;
        for (Map.Entry<BlockingKind, DurationCell> entry : windowByKind.entrySet()) {
            DurationCell cell = entry.getValue();
            if (cell.count > 0) {
                String kind = entry.getKey().label();
                samples.add(Sli.BLOCKED_P99.sample(cell.p99Millis(), "kind", kind));
                samples.add(Sli.BLOCKED_SLOW_RATIO.sample((double) cell.slow / cell.count, "kind", kind));
            }
            cell.reset();
        }
        for (Map.Entry<Key, Cells> entry : new TreeMap<>(cells).entrySet()) {
            DurationCell cell = entry.getValue().window;
            if (cell.count > 0) {
                String kind = entry.getKey().kind().label();
                String site = entry.getKey().site().label();
                samples.add(Sli.BLOCKED_P99.sample(cell.p99Millis(), "kind", kind, "site", site));
                samples.add(Sli.BLOCKED_COUNT.sample(cell.count, "kind", kind, "site", site));
                samples.add(Sli.BLOCKED_TIME_RATIO.sample(cell.ratioOf(seconds), "kind", kind, "site", site));
                RunCell run = entry.getValue().run;
                if (run.worstWindow == null || cell.p99Millis() > run.worstWindowP99Millis) {
                    run.worstWindowP99Millis = cell.p99Millis();
                    run.worstWindow = closing;
                }
                cell.addTo(run.total);
            }
            cell.reset();
        }
        windowStartNanos = EpochNanos.of(closing.end());
        return samples;
    }

    /**
     * The slow waits (sleeps, socket reads) whose stacks pass through {@code method} below the wait:
     * the blocking a thread does inside the method that takes a contended monitor. The cell with the
     * most blocked time, with its kind; {@code null} if none.
     */
    private Map.Entry<BlockingKind, RunCell> slowWaitInside(Frame method) {
        Map.Entry<BlockingKind, RunCell> most = null;
        for (Map.Entry<Key, Cells> entry : new TreeMap<>(cells).entrySet()) {
            BlockingKind kind = entry.getKey().kind();
            RunCell run = entry.getValue().run;
            if ((kind != BlockingKind.SLEEP && kind != BlockingKind.SOCKET_READ) || run.total.count == 0) {
                continue;
            }
            Stack stack = run.stacks.top(Stack.EMPTY);
            boolean inside = stack.frames().stream().anyMatch(frame -> frame.className().equals(method.className())
                    && frame.methodName().equals(method.methodName()));
            if (inside && (most == null || run.total.totalNanos > most.getValue().total.totalNanos)) {
                most = Map.entry(kind, run);
            }
        }
        return most;
    }

    /** The run's cells of every kind at a site, by kind. */
    private Map<BlockingKind, RunCell> runAt(Site site) {
        Map<BlockingKind, RunCell> byKind = new EnumMap<>(BlockingKind.class);
        for (BlockingKind kind : BlockingKind.values()) {
            Cells found = cells.get(new Key(kind, site));
            if (found != null) {
                byKind.put(kind, found.run);
            }
        }
        return byKind;
    }

    @Override
    public Set<EvidenceRole> roles() {
        return Set.of(EvidenceRole.BLOCKING_EVENTS);
    }

    /**
     * The waits of each kind at the site over the whole recording (or of the kind the SLI names):
     * count, p99, max, total, what they mostly wait on, the worst window's p99 and, for a contended
     * monitor, the slow waits its holders do inside it; with the most frequent stack.
     */
    @Override
    public List<Evidence> evidence(EvidenceRole role, Site site, SortedMap<String, String> labels) {
        if (site == null) {
            return List.of();
        }
        String kindLabel = labels.get("kind");
        List<Evidence> evidence = new ArrayList<>();
        for (Map.Entry<BlockingKind, RunCell> entry : runAt(site).entrySet()) {
            if (kindLabel != null && !entry.getKey().label().equals(kindLabel)) {
                continue;
            }
            RunCell run = entry.getValue();
            DurationCell total = run.total;
            if (total.count == 0) {
                continue;
            }
            String blocker = run.blockers.top("");
            // The rule's headline p99 is its worst window's; say which, beside the whole recording's.
            String worst = run.worstWindow == null ? ""
                    : "; worst window p99 " + Values.forPeople(run.worstWindowP99Millis) + " ms ("
                            + Values.instant(run.worstWindow.start()) + " to " + Values.instant(run.worstWindow.end()) + ")";
            evidence.add(new Evidence("blocking-events", total.count, List.of(), StackLines.of(run.stacks.top(Stack.EMPTY)),
                    entry.getKey().label() + " over the whole recording: " + total.count + " events, p99 "
                            + Values.forPeople(total.p99Millis()) + " ms, max " + Values.forPeople(total.maxMillis())
                            + " ms, " + Values.forPeople(total.totalNanos / 1e9) + " s in total"
                            + (blocker.isEmpty() ? "" : ", mostly on " + blocker)
                            + (total.untimed > 0 ? ", " + total.untimed + " without timeout" : "") + worst
                            + (entry.getKey() == BlockingKind.MONITOR_ENTER ? heldAcross(site) : "")));
        }
        return evidence;
    }

    /**
     * What the holders of a contended monitor do while they hold it: the slow waits (sleeps, socket
     * reads) recorded inside the method that takes it, if any. The queue's cause, when it is I/O.
     */
    private String heldAcross(Site site) {
        Map.Entry<BlockingKind, RunCell> inside = slowWaitInside(site.frame());
        if (inside == null) {
            return "";
        }
        DurationCell total = inside.getValue().total;
        Frame top = inside.getValue().stacks.top(Stack.EMPTY).frames().get(0);
        return "; while holding the monitor, threads inside " + site.frame().method() + " block in "
                + inside.getKey().label() + " at " + top.method() + ": " + total.count + " events, p99 "
                + Values.forPeople(total.p99Millis()) + " ms, " + Values.forPeople(total.totalNanos / 1e9) + " s in total";
    }
}
