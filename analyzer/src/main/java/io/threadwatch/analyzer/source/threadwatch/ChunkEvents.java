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
    private static final BlockingKind[] KINDS = BlockingKind.values();
    /** {@link #flags}: not a packed {@link Blocked}; {@link #refs} holds the event itself. */
    private static final byte OBJECT = -1;
    private static final int TIMED = 1;
    private static final int TIMED_OUT = 2;
    private static final int KIND_SHIFT = 2;

    private int size;
    /** Where the current flush segment starts; events before it are in delivery order already. */
    private int segmentStart;
    private long[] endTicks = new long[1024];
    private byte[] flags = new byte[1024];
    private long[] timeNanos = new long[1024];
    private long[] threadIds = new long[1024];
    private long[] durationNanos = new long[1024];
    /** A packed wait's stack, or an unpacked event. */
    private Object[] refs = new Object[1024];
    private String[] blockers = new String[1024];
    /** Room for sorting and rearranging a segment, kept with the store since stores are reused. */
    private long[] keys = new long[0];
    private int[] order = new int[0];
    private Object[] scratch = new Object[0];

    /** Adds an event of the current flush segment, which ended at {@code endTicks}. */
    void add(long endTicks, Event event) {
        if (size == this.endTicks.length) {
            grow();
        }
        int i = size++;
        this.endTicks[i] = endTicks;
        if (event instanceof Blocked blocked && EpochNanos.fits(blocked.time())) {
            flags[i] = (byte) (blocked.kind().ordinal() << KIND_SHIFT | (blocked.timed() ? TIMED : 0)
                    | (blocked.timedOut() ? TIMED_OUT : 0));
            timeNanos[i] = EpochNanos.of(blocked.time());
            threadIds[i] = blocked.threadId();
            durationNanos[i] = blocked.durationNanos();
            refs[i] = blocked.stack();
            blockers[i] = blocked.blocker();
        } else {
            flags[i] = OBJECT;
            refs[i] = event;
        }
    }

    private void grow() {
        int capacity = endTicks.length * 2;
        endTicks = Arrays.copyOf(endTicks, capacity);
        flags = Arrays.copyOf(flags, capacity);
        timeNanos = Arrays.copyOf(timeNanos, capacity);
        threadIds = Arrays.copyOf(threadIds, capacity);
        durationNanos = Arrays.copyOf(durationNanos, capacity);
        refs = Arrays.copyOf(refs, capacity);
        blockers = Arrays.copyOf(blockers, capacity);
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
            Arrays.sort(keys, 0, count);
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

    /** Puts the segment's entries of every column in the sorted {@link #order}. */
    private void rearrange(int count) {
        int start = segmentStart;
        // The keys are sorted already: their room holds each long column in turn.
        long[] longs = keys;
        for (long[] column : new long[][] {timeNanos, threadIds, durationNanos}) {
            for (int i = 0; i < count; i++) {
                longs[i] = column[start + order[i]];
            }
            System.arraycopy(longs, 0, column, start, count);
        }
        for (int i = 0; i < count; i++) {
            longs[i] = flags[start + order[i]];
        }
        for (int i = 0; i < count; i++) {
            flags[start + i] = (byte) longs[i];
        }
        if (scratch.length < count) {
            scratch = new Object[endTicks.length];
        }
        for (Object[] column : new Object[][] {refs, blockers}) {
            for (int i = 0; i < count; i++) {
                scratch[i] = column[start + order[i]];
            }
            System.arraycopy(scratch, 0, column, start, count);
        }
        Arrays.fill(scratch, 0, count, null);
    }

    /**
     * Empties this store for another chunk, keeping its capacity: the pipeline hands stores back
     * once the engine has taken their events, so that the columns, sized for the largest chunk, are
     * allocated once rather than grown again for every chunk.
     */
    void clear() {
        // Drop the references, so that a spare store keeps no event alive.
        Arrays.fill(refs, 0, size, null);
        Arrays.fill(blockers, 0, size, null);
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
                sink.accept((Event) refs[i]);
            } else {
                sink.blocked(timeNanos[i], KINDS[flag >>> KIND_SHIFT], threadIds[i], durationNanos[i], (Stack) refs[i],
                        (flag & TIMED) != 0, (flag & TIMED_OUT) != 0, blockers[i]);
            }
        }
    }
}
