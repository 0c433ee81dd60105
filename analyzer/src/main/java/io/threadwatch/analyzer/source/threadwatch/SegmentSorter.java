package io.threadwatch.analyzer.source.threadwatch;

import io.threadwatch.analyzer.event.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sorts the events of one flush segment by end time, stably, as the JDK's ordered streams do.
 * Segments hold hundreds of thousands of events, so the common case packs each event's end time,
 * relative to the segment's earliest, and its arrival index into one {@code long} and sorts those
 * primitives; the index in the low bits keeps ties in arrival order.
 */
final class SegmentSorter {

    private static final int INDEX_BITS = 24;
    private static final long MAX_RELATIVE_TICKS = (1L << (63 - INDEX_BITS)) - 1;

    private final List<Event> events = new ArrayList<>();
    private long[] ticks = new long[1024];

    void add(long endTicks, Event event) {
        if (events.size() == ticks.length) {
            ticks = Arrays.copyOf(ticks, ticks.length * 2);
        }
        ticks[events.size()] = endTicks;
        events.add(event);
    }

    /** Appends the segment's events to {@code target} in end-time order, and starts a new segment. */
    void drainSortedTo(List<Event> target) {
        int count = events.size();
        if (count == 0) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, ticks[i]);
            max = Math.max(max, ticks[i]);
        }
        if (count < (1 << INDEX_BITS) && max - min >= 0 && max - min <= MAX_RELATIVE_TICKS) {
            long[] keys = new long[count];
            for (int i = 0; i < count; i++) {
                keys[i] = (ticks[i] - min) << INDEX_BITS | i;
            }
            Arrays.sort(keys);
            for (long key : keys) {
                target.add(events.get((int) (key & ((1 << INDEX_BITS) - 1))));
            }
        } else {
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            long[] copy = ticks;
            Arrays.sort(order, (a, b) -> Long.compare(copy[a], copy[b]));
            for (Integer index : order) {
                target.add(events.get(index));
            }
        }
        events.clear();
    }
}
