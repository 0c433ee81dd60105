package io.threadwatch.analyzer.source.threadwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.EpochNanos;
import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.event.ThreadEnded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compact store of a chunk's events gives back exactly the events it was given, in the JDK's
 * order: by end time within each flush segment, ties in file order, segments one after another.
 */
class ChunkEventsTest {

    private static final Instant BASE = Instant.parse("2026-12-06T01:02:03.123456789Z");
    private static final StackTable STACKS = new StackTable();
    private static final Stack TAKE = STACKS.intern(List.of(
            new Frame("java.util.concurrent.locks.LockSupport", "park", 371),
            new Frame("java.util.concurrent.LinkedBlockingQueue", "take", 435),
            new Frame("com.example.Worker", "run", 42)), false);

    @Test
    void givesBackEachSegmentsEventsByEndTimeWithTiesInFileOrder() {
        Blocked late = blocked(BASE.plusNanos(900), BlockingKind.PARK, 7, TAKE, true, true, "java.lang.Object");
        Blocked early = blocked(BASE.plusNanos(100), BlockingKind.SOCKET_READ, 8, Stack.EMPTY, true, false,
                "db.example:5432");
        ThreadEnded tieFirst = new ThreadEnded(BASE.plusNanos(500), 9);
        Blocked tieSecond = blocked(BASE.plusNanos(500), BlockingKind.MONITOR_ENTER, 10, TAKE, false, false, "");
        // The next segment ends earlier than the first one's latest event: segments are not merged.
        Blocked nextSegment = blocked(BASE.plusNanos(50), BlockingKind.MONITOR_WAIT, 11, TAKE, false, false,
                "java.lang.Object");
        ChunkEvents events = new ChunkEvents();
        events.add(900, late);
        events.add(100, early);
        events.add(500, tieFirst);
        events.add(500, tieSecond);
        events.endSegment();
        events.add(50, nextSegment);
        events.endSegment();

        List<Event> delivered = new ArrayList<>();
        events.deliverTo(delivered::add);

        assertThat(delivered).containsExactly(early, tieFirst, tieSecond, late, nextSegment);
        assertThat(((Blocked) delivered.get(3)).stack()).isSameAs(TAKE);
        assertThat(events.size()).isEqualTo(5);
    }

    @Test
    void keepsEveryFieldOfManyWaitsAcrossGrowth() {
        ChunkEvents events = new ChunkEvents();
        List<Event> added = new ArrayList<>();
        BlockingKind[] kinds = BlockingKind.values();
        for (int i = 0; i < 5_000; i++) {
            Blocked wait = blocked(BASE.plusNanos(i * 1_000_003L), kinds[i % kinds.length], i % 300,
                    i % 2 == 0 ? TAKE : Stack.EMPTY, i % 3 == 0, i % 6 == 0, "blocker-" + i % 7);
            added.add(wait);
            events.add(i, wait);
        }
        events.endSegment();

        List<Event> delivered = new ArrayList<>();
        events.deliverTo(delivered::add);

        assertThat(delivered).isEqualTo(added);
    }

    @Test
    void ordersInterleavedThreadBuffersAsAStableSortByEndTimeWouldOverEveryWidthOfTime() {
        // As in a flush segment: hundreds of threads' buffers, each in time order, interleaved in
        // short runs; many ties. The widths take the sort through one to four digits.
        for (long span : new long[] {1, 2_000, 1L << 22, 1_000_000_000L, (1L << 39) - 1}) {
            Random random = new Random(span);
            int count = 60_000;
            long[] ticks = new long[count];
            long[] threadClock = new long[300];
            for (int i = 0; i < count; i++) {
                int thread = (i / 10 + random.nextInt(3)) % threadClock.length;
                threadClock[thread] = Math.min(span, threadClock[thread] + random.nextInt(8) * (span / 4_000 + 1));
                ticks[i] = 5_000 + (random.nextInt(5) == 0 ? random.nextLong(span + 1) : threadClock[thread]);
            }
            ChunkEvents events = new ChunkEvents();
            List<Event> added = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Event event = i % 4 == 0 ? new ThreadEnded(BASE.plusNanos(i), i)
                        : blocked(BASE.plusNanos(i), BlockingKind.PARK, i, TAKE, false, false, "");
                added.add(event);
                events.add(ticks[i], event);
            }
            events.endSegment();

            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                expected.add(i);
            }
            expected.sort(Comparator.comparingLong(i -> ticks[i]));
            List<Event> delivered = new ArrayList<>();
            events.deliverTo(delivered::add);

            assertThat(delivered).as("span %d", span).isEqualTo(expected.stream().map(added::get).toList());
        }
    }

    @Test
    void aClearedStoreGivesOnlyTheNextChunksEvents() {
        ChunkEvents events = new ChunkEvents();
        for (int i = 0; i < 3_000; i++) {
            events.add(3_000 - i, blocked(BASE.plusNanos(3_000 - i), BlockingKind.PARK, i, TAKE, false, false, ""));
        }
        events.endSegment();
        events.clear();
        Blocked second = blocked(BASE.plusNanos(2), BlockingKind.SOCKET_READ, 2, Stack.EMPTY, true, true, "h:1");
        ThreadEnded first = new ThreadEnded(BASE.plusNanos(1), 1);
        events.add(2, second);
        events.add(1, first);
        events.endSegment();

        List<Event> delivered = new ArrayList<>();
        events.deliverTo(delivered::add);

        assertThat(delivered).containsExactly(first, second);
    }

    @Test
    void keepsTimesTooFarForEpochNanosAsTheyAre() {
        Blocked far = blocked(Instant.parse("3000-01-01T00:00:00.000000001Z"), BlockingKind.SLEEP, 1, Stack.EMPTY,
                true, false, "");
        Blocked before1970 = blocked(Instant.parse("1969-12-31T23:59:59.999999999Z"), BlockingKind.PARK, 2, TAKE,
                false, false, "");
        ChunkEvents events = new ChunkEvents();
        events.add(1, far);
        events.add(2, before1970);
        events.endSegment();

        List<Event> delivered = new ArrayList<>();
        events.deliverTo(delivered::add);

        assertThat(delivered).containsExactly(far, before1970);
    }

    @Test
    void aWaitAddedByItsFieldsComesBackAsTheRecordWouldAndIsRefusedAsTheRecordWouldBe() {
        Blocked asRecord = blocked(BASE.plusNanos(700), BlockingKind.MONITOR_WAIT, 12, TAKE, true, false,
                "java.lang.Object");
        Blocked byFields = blocked(BASE.plusNanos(300), BlockingKind.SOCKET_READ, 13, Stack.EMPTY, true, true,
                "db.example:5432");
        ChunkEvents events = new ChunkEvents();
        events.add(700, asRecord);
        events.addBlocked(300, EpochNanos.of(byFields.time()), byFields.kind(), byFields.threadId(),
                byFields.durationNanos(), byFields.stack(), byFields.timed(), byFields.timedOut(), byFields.blocker());
        events.endSegment();

        List<Event> delivered = new ArrayList<>();
        events.deliverTo(delivered::add);

        assertThat(delivered).containsExactly(byFields, asRecord);
        assertThatThrownBy(() -> events.addBlocked(1, 0, BlockingKind.PARK, 1, -1, TAKE, false, false, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative duration");
        assertThatThrownBy(() -> events.addBlocked(1, 0, BlockingKind.PARK, 1, 1, null, false, false, ""))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("stack");
        assertThat(events.size()).as("a refused wait is not kept").isEqualTo(2);
    }

    @Test
    void holdsBackASegmentThatHasNotEnded() {
        ChunkEvents events = new ChunkEvents();
        events.add(1, new ThreadEnded(BASE, 1));
        events.endSegment();
        events.add(2, new ThreadEnded(BASE.plusNanos(1), 2));

        List<Event> delivered = new ArrayList<>();
        events.deliverTo(delivered::add);

        assertThat(delivered).containsExactly(new ThreadEnded(BASE, 1));
    }

    private static Blocked blocked(Instant time, BlockingKind kind, long threadId, Stack stack, boolean timed,
                                   boolean timedOut, String blocker) {
        return new Blocked(time, kind, threadId, 1_000_000L + threadId, stack, timed, timedOut, blocker);
    }
}
