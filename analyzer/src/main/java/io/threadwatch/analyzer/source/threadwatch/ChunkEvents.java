package io.threadwatch.analyzer.source.threadwatch;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.EpochNanos;
import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.Stack;
import java.util.Arrays;

/**
 * The translated events of one chunk, kept compact until the engine takes them, in the order the
 * JDK's ordered streams deliver them: by end time within each flush segment, ties in file order.
 *
 * <p>A decoded chunk waits in memory while the engine works through the chunks before it, so its
 * events outlive several young collections. Kept as objects, every one of them was copied by each
 * of those collections: at {@code -Xmx256m} on the 100 MB bench file, G1's evacuation pauses took
 * 80-180 ms each, a sixth of the run. So the events that make up almost all of a recording,
 * {@link Blocked} waits, are packed into primitive columns here, where a collection copies no
 * object (large arrays are not moved at all), and are handed to the engine field by field
 * ({@link EventSink#blocked}), which builds no object for them. Stacks and blockers are shared
 * objects already (interned), so only references are kept. Every other event is kept as it is.
 */
final class ChunkEvents {

    /** Sorting packs an index into the low bits of each key, beside the end time. */
    private static final int INDEX_BITS = 24;
    private static final long MAX_RELATIVE_TICKS = (1L << (63 - INDEX_BITS)) - 1;
    /** The radix sort's digit: 2,048 counters fit in the first level of cache. */
    private static final int RADIX_BITS = 11;
    private static final int RADIX = 1 << RADIX_BITS;
    private static final BlockingKind[] KINDS = BlockingKind.values();
    /** {@link #flags}: not a packed {@link Blocked}; {@link #refs} holds the event itself. */
    private static final byte OBJECT = -1;
    private static final int TIMED = 1;
    private static final int TIMED_OUT = 2;
    private static final int KIND_SHIFT = 2;
    /** {@link #longs} per event: end time in epoch nanoseconds, thread id, duration in nanoseconds. */
    private static final int LONGS = 3;
    /** {@link #refs} per event: the stack (or the unpacked event), the blocker. */
    private static final int REFS = 2;

    private int size;
    /** Where the current flush segment starts; events before it are in delivery order already. */
    private int segmentStart;
    private long[] endTicks = new long[1024];
    private byte[] flags = new byte[1024];
    /**
     * A packed wait's end time, thread and duration, side by side ({@link #LONGS} per event), and
     * its stack and blocker in {@link #refs}: putting a segment in order moves each event's fields
     * from one place in each array, not from one place in each of six.
     */
    private long[] longs = new long[1024 * LONGS];
    /** A packed wait's stack and blocker ({@link #REFS} per event), or an unpacked event and {@code null}. */
    private Object[] refs = new Object[1024 * REFS];
    /** Room for sorting a segment, kept with the store since stores are reused. */
    private long[] keys = new long[0];
    private int[] order = new int[0];

    /** Adds an event of the current flush segment, which ended at {@code endTicks}. */
    void add(long endTicks, Event event) {
        int i = next(endTicks);
        if (event instanceof Blocked blocked && EpochNanos.fits(blocked.time())) {
            pack(i, EpochNanos.of(blocked.time()), blocked.kind(), blocked.threadId(), blocked.durationNanos(),
                    blocked.stack(), blocked.timed(), blocked.timedOut(), blocked.blocker());
        } else {
            flags[i] = OBJECT;
            refs[i * REFS] = event;
            refs[i * REFS + 1] = null;
        }
    }

    /**
     * Adds a wait of the current flush segment by its fields, as {@code add(endTicks, new
     * Blocked(...))} would, without the record: the translators hand waits on this way.
     */
    void addBlocked(long endTicks, long timeEpochNanos, BlockingKind kind, long threadId, long durationNanos,
                    Stack stack, boolean timed, boolean timedOut, String blocker) {
        Blocked.requireValid(kind, durationNanos, stack, blocker);
        pack(next(endTicks), timeEpochNanos, kind, threadId, durationNanos, stack, timed, timedOut, blocker);
    }

    /** Takes the next slot, for an event of the current flush segment that ended at {@code endTicks}. */
    private int next(long endTicks) {
        if (size == this.endTicks.length) {
            grow();
        }
        int i = size++;
        this.endTicks[i] = endTicks;
        return i;
    }

    private void pack(int i, long timeEpochNanos, BlockingKind kind, long threadId, long durationNanos, Stack stack,
                      boolean timed, boolean timedOut, String blocker) {
        flags[i] = (byte) (kind.ordinal() << KIND_SHIFT | (timed ? TIMED : 0) | (timedOut ? TIMED_OUT : 0));
        longs[i * LONGS] = timeEpochNanos;
        longs[i * LONGS + 1] = threadId;
        longs[i * LONGS + 2] = durationNanos;
        refs[i * REFS] = stack;
        refs[i * REFS + 1] = blocker;
    }

    private void grow() {
        int capacity = endTicks.length * 2;
        endTicks = Arrays.copyOf(endTicks, capacity);
        flags = Arrays.copyOf(flags, capacity);
        longs = Arrays.copyOf(longs, capacity * LONGS);
        refs = Arrays.copyOf(refs, capacity * REFS);
    }

    /**
     * Ends the current flush segment: its events are put in delivery order, by end time, stably.
     * The columns are rearranged here, on the decoding thread, so that the engine's thread reads
     * them front to back rather than jumping through an index.
     */
    void endSegment() {
        int count = size - segmentStart;
        if (count > 1) {
            sortOrder(count);
            rearrange(count);
        }
        segmentStart = size;
    }

    /** Puts the segment's indexes (relative to its start) in {@link #order}: by end time, ties in file order. */
    private void sortOrder(int count) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = segmentStart; i < size; i++) {
            min = Math.min(min, endTicks[i]);
            max = Math.max(max, endTicks[i]);
        }
        if (order.length < count) {
            order = new int[endTicks.length];
            keys = new long[endTicks.length];
        }
        if (count < (1 << INDEX_BITS) && max - min >= 0 && max - min <= MAX_RELATIVE_TICKS) {
            // Segments hold hundreds of thousands of events: sorting primitives, with the index in
            // the low bits to keep ties in file order, costs no object per event.
            for (int i = 0; i < count; i++) {
                keys[i] = (endTicks[segmentStart + i] - min) << INDEX_BITS | i;
            }
            radixSort(count, 64 - Long.numberOfLeadingZeros(max - min));
            for (int i = 0; i < count; i++) {
                order[i] = (int) (keys[i] & ((1 << INDEX_BITS) - 1));
            }
        } else {
            Integer[] sorted = new Integer[count];
            for (int i = 0; i < count; i++) {
                sorted[i] = i;
            }
            long[] ticks = endTicks;
            int start = segmentStart;
            Arrays.sort(sorted, (a, b) -> Long.compare(ticks[start + a], ticks[start + b]));
            for (int i = 0; i < count; i++) {
                order[i] = sorted[i];
            }
        }
    }

    /**
     * Sorts the segment's {@link #keys} by their relative end time, {@code timeBits} wide above the
     * index bits, using the segment's room in {@link #endTicks} (whose values the keys hold now) as
     * the other buffer, so sorting takes no memory beyond the columns. Least significant digit first, each
     * pass stable, so ties stay in file order as their index bits say. A flush segment interleaves
     * the buffers of hundreds of threads (runs of about ten events in file order on the 1 GB bench
     * file), which a comparison sort takes some 19 passes over 400,000 keys to order; at most four
     * passes of 11 bits cover the widest time a key holds.
     */
    private void radixSort(int count, int timeBits) {
        long[] from = keys;
        long[] to = endTicks;
        int offset = segmentStart;
        int fromOffset = 0;
        int[] starts = new int[RADIX];
        for (int shift = INDEX_BITS; shift < INDEX_BITS + timeBits; shift += RADIX_BITS) {
            Arrays.fill(starts, 0);
            for (int i = 0; i < count; i++) {
                starts[(int) (from[fromOffset + i] >>> shift) & (RADIX - 1)]++;
            }
            int next = 0;
            for (int digit = 0; digit < RADIX; digit++) {
                int n = starts[digit];
                starts[digit] = next;
                next += n;
            }
            int toOffset = to == keys ? 0 : offset;
            for (int i = 0; i < count; i++) {
                long key = from[fromOffset + i];
                to[toOffset + starts[(int) (key >>> shift) & (RADIX - 1)]++] = key;
            }
            long[] swap = from;
            from = to;
            to = swap;
            fromOffset = toOffset;
        }
        if (from != keys) {
            System.arraycopy(from, fromOffset, keys, 0, count);
        }
    }

    /**
     * Puts the segment's events in the sorted {@link #order}, in place: each cycle of the
     * permutation is walked once, and each event's fields move once, with no second copy of the
     * segment. {@link #order} is used up.
     */
    private void rearrange(int count) {
        int start = segmentStart;
        for (int first = 0; first < count; first++) {
            if (order[first] < 0) {
                continue;
            }
            if (order[first] == first) {
                order[first] = -1;
                continue;
            }
            byte flag = flags[start + first];
            long time = longs[(start + first) * LONGS];
            long thread = longs[(start + first) * LONGS + 1];
            long duration = longs[(start + first) * LONGS + 2];
            Object ref = refs[(start + first) * REFS];
            Object blocker = refs[(start + first) * REFS + 1];
            int to = first;
            int from = order[to];
            while (from != first) {
                move(start + from, start + to);
                order[to] = -1;
                to = from;
                from = order[to];
            }
            order[to] = -1;
            int at = start + to;
            flags[at] = flag;
            longs[at * LONGS] = time;
            longs[at * LONGS + 1] = thread;
            longs[at * LONGS + 2] = duration;
            refs[at * REFS] = ref;
            refs[at * REFS + 1] = blocker;
        }
    }

    private void move(int from, int to) {
        flags[to] = flags[from];
        System.arraycopy(longs, from * LONGS, longs, to * LONGS, LONGS);
        refs[to * REFS] = refs[from * REFS];
        refs[to * REFS + 1] = refs[from * REFS + 1];
    }

    /**
     * Empties this store for another chunk, keeping its capacity: the pipeline hands stores back
     * once the engine has taken their events, so that the columns, sized for the largest chunk, are
     * allocated once rather than grown again for every chunk.
     */
    void clear() {
        // Drop the references, so that a spare store keeps no event alive.
        Arrays.fill(refs, 0, size * REFS, null);
        size = 0;
        segmentStart = 0;
    }

    /** How many events the chunk holds. */
    int size() {
        return size;
    }

    /** Hands every event of the ended segments to {@code sink}, in delivery order; the packed waits field by field. */
    void deliverTo(EventSink sink) {
        for (int i = 0; i < segmentStart; i++) {
            byte flag = flags[i];
            if (flag == OBJECT) {
                sink.accept((Event) refs[i * REFS]);
            } else {
                sink.blocked(longs[i * LONGS], KINDS[flag >>> KIND_SHIFT], longs[i * LONGS + 1], longs[i * LONGS + 2],
                        (Stack) refs[i * REFS], (flag & TIMED) != 0, (flag & TIMED_OUT) != 0, (String) refs[i * REFS + 1]);
            }
        }
    }
}
