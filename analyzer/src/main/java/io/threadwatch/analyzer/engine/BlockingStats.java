package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.rules.Sample;
import io.threadwatch.rules.Window;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Blocking durations per kind and site, as HdrHistograms: one for the open window, reset when it
 * closes, and one for the whole run that each window is added into. Memory is a few histograms per
 * (kind, site), whatever the number of events.
 */
final class BlockingStats {

    /** Durations are recorded in microseconds with 3 significant digits; histograms grow as needed. */
    private static final int SIGNIFICANT_DIGITS = 3;
    private static final long SLOW_NANOS = 100_000_000L; /* 100 ms */
    private static final int STACKS_PER_SITE = 8;
    private static final int BLOCKERS_PER_SITE = 8;

    private record Key(BlockingKind kind, Site site) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byKind = kind.compareTo(other.kind);
            return byKind != 0 ? byKind : site.compareTo(other.site);
        }
    }

    /** One histogram with the totals that go with it. */
    static final class Cell {
        final Histogram micros = new Histogram(SIGNIFICANT_DIGITS);
        long count;
        long totalNanos;
        long slow;
        long untimed;

        void record(long nanos, boolean timed) {
            micros.recordValue(Math.max(0, nanos / 1000));
            count++;
            totalNanos += nanos;
            if (nanos > SLOW_NANOS) {
                slow++;
            }
            if (!timed) {
                untimed++;
            }
        }

        void addTo(Cell total) {
            total.micros.add(micros);
            total.count += count;
            total.totalNanos += totalNanos;
            total.slow += slow;
            total.untimed += untimed;
        }

        void reset() {
            micros.reset();
            count = 0;
            totalNanos = 0;
            slow = 0;
            untimed = 0;
        }

        double p99Millis() {
            return micros.getValueAtPercentile(99.0) / 1000.0;
        }

        double maxMillis() {
            return micros.getMaxValue() / 1000.0;
        }
    }

    /** What the run keeps per (kind, site) for evidence. */
    static final class RunCell {
        final Cell total = new Cell();
        final Map<Stack, Long> stacks = new LinkedHashMap<>();
        final Map<String, Long> blockers = new LinkedHashMap<>();

        Stack topStack() {
            return stacks.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(Stack.EMPTY);
        }

        String topBlocker() {
            return blockers.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        }
    }

    private final Map<Key, Cell> window = new TreeMap<>();
    private final Map<BlockingKind, Cell> windowByKind = new EnumMap<>(BlockingKind.class);
    private final Map<Key, RunCell> run = new TreeMap<>();

    /** Records one blocking event at an application site. */
    void record(Blocked event, Site site) {
        Key key = new Key(event.kind(), site);
        window.computeIfAbsent(key, k -> new Cell()).record(event.durationNanos(), event.timed());
        windowByKind.computeIfAbsent(event.kind(), k -> new Cell()).record(event.durationNanos(), event.timed());
        RunCell runCell = run.computeIfAbsent(key, k -> new RunCell());
        if (runCell.stacks.containsKey(event.stack()) || runCell.stacks.size() < STACKS_PER_SITE) {
            runCell.stacks.merge(event.stack(), 1L, Long::sum);
        }
        if (!event.blocker().isEmpty()
                && (runCell.blockers.containsKey(event.blocker()) || runCell.blockers.size() < BLOCKERS_PER_SITE)) {
            runCell.blockers.merge(event.blocker(), 1L, Long::sum);
        }
    }

    /** The window's blocking SLIs; then starts the next window. */
    List<Sample> closeWindow(Window closing) {
        List<Sample> samples = new ArrayList<>();
        double seconds = closing.length().toNanos() / 1e9;
        for (Map.Entry<BlockingKind, Cell> entry : windowByKind.entrySet()) {
            Cell cell = entry.getValue();
            if (cell.count > 0) {
                String kind = entry.getKey().label();
                samples.add(Sli.BLOCKED_P99.sample(cell.p99Millis(), "kind", kind));
                samples.add(Sli.BLOCKED_SLOW_RATIO.sample((double) cell.slow / cell.count, "kind", kind));
            }
            cell.reset();
        }
        for (Map.Entry<Key, Cell> entry : window.entrySet()) {
            Cell cell = entry.getValue();
            if (cell.count > 0) {
                String kind = entry.getKey().kind().label();
                String site = entry.getKey().site().label();
                samples.add(Sli.BLOCKED_P99.sample(cell.p99Millis(), "kind", kind, "site", site));
                samples.add(Sli.BLOCKED_COUNT.sample(cell.count, "kind", kind, "site", site));
                samples.add(Sli.BLOCKED_TIME_RATIO.sample(cell.totalNanos / 1e9 / seconds, "kind", kind, "site", site));
                cell.addTo(run.get(entry.getKey()).total);
            }
            cell.reset();
        }
        return samples;
    }

    /** The run's cell for a kind and site, or {@code null} if nothing blocked there. */
    RunCell run(BlockingKind kind, Site site) {
        return run.get(new Key(kind, site));
    }

    /** The run's cells of every kind at a site, by kind. */
    Map<BlockingKind, RunCell> runAt(Site site) {
        Map<BlockingKind, RunCell> byKind = new EnumMap<>(BlockingKind.class);
        for (BlockingKind kind : BlockingKind.values()) {
            RunCell cell = run.get(new Key(kind, site));
            if (cell != null) {
                byKind.put(kind, cell);
            }
        }
        return byKind;
    }
}
