package io.threadwatch.analyzer.partial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.CpuCount;
import io.threadwatch.analyzer.event.EpochNanos;
import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.G1CollectionTyped;
import io.threadwatch.analyzer.event.GarbageCollected;
import io.threadwatch.analyzer.event.GcConfigured;
import io.threadwatch.analyzer.event.HeapAfterGc;
import io.threadwatch.analyzer.event.HeapConfigured;
import io.threadwatch.analyzer.event.JvmInfo;
import io.threadwatch.analyzer.event.OldObjectSampled;
import io.threadwatch.analyzer.event.Pinned;
import io.threadwatch.analyzer.event.SettingObserved;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.event.SubmitFailed;
import io.threadwatch.analyzer.event.ThreadCount;
import io.threadwatch.analyzer.event.ThreadDumped;
import io.threadwatch.analyzer.event.ThreadEnded;
import io.threadwatch.analyzer.event.ThreadSampled;
import io.threadwatch.analyzer.event.ThreadStarted;
import io.threadwatch.analyzer.event.VirtualThreadEnded;
import io.threadwatch.analyzer.event.VirtualThreadStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every event type goes through a partial's bytes and comes back equal, waits by their fields. */
class PartialCodecTest {

    private static final Instant T = Instant.parse("2026-12-07T10:15:30.123456789Z");

    private final StackTable stacks = new StackTable();
    /** A consumer's loop, as a wait on a queue records it. */
    private final Stack take = stacks.intern(List.of(
            new Frame("jdk.internal.misc.Unsafe", "park", -1),
            new Frame("java.util.concurrent.locks.LockSupport", "park", 371),
            new Frame("java.util.concurrent.LinkedBlockingQueue", "take", 435),
            new Frame("com.acme.orders.OrderConsumer", "run", 58),
            new Frame("java.lang.Thread", "run", 1583)), false);
    private final Stack start = stacks.intern(List.of(
            new Frame("java.lang.Thread", "start", 1545),
            new Frame("java.util.concurrent.ThreadPoolExecutor", "addWorker", 945),
            new Frame("com.acme.config.ConfigReloader", "reload", 38)), true);

    /** One event of each type, with values at the edges of what their fields hold. */
    private List<Event> oneOfEach() {
        return List.of(
                new ThreadStarted(T, 31, "pool-7-thread-1", 1, start),
                new ThreadEnded(T.plusMillis(1), 31),
                new ThreadCount(T, 42, 30, 1_000_000, 57),
                new Blocked(T.plusSeconds(1), BlockingKind.SOCKET_READ, 12, 25_000_000, take, true, true,
                        "db.internal:5432"),
                new ThreadDumped(T, "\"main\" #1 prio=5 os_prio=0 tid=0x1 nid=0x2 runnable\n   java.lang.Thread.State: "
                        + "RUNNABLE\n\tat com.acme.Main.main(Main.java:10)\n"),
                new ThreadSampled(T, 77, true, take),
                new CpuCount(T, 2, CpuCount.Origin.CONTAINER),
                new JvmInfo(T, "OpenJDK 64-Bit Server VM", "25.0.3+9-LTS", 4242, Instant.parse("2026-12-07T10:00:00Z")),
                new SettingObserved(T, "jdk.ThreadPark", "threshold", "20 ms"),
                new VirtualThreadStarted(T, Long.MAX_VALUE, ""),
                new VirtualThreadEnded(T, Long.MAX_VALUE),
                new Pinned(T, 88, 30_000_000, take, "Native or VM frame on stack", "park"),
                new SubmitFailed(T, 88, "no carrier", Stack.EMPTY),
                new GarbageCollected(T, 9, "G1New", "G1 Evacuation Pause", 1_234_567, 1_000_000),
                new HeapAfterGc(T, 9, 100L << 20, 256L << 20, 4L << 30),
                new GcConfigured(T, "G1New", "G1Old"),
                new OldObjectSampled(T, "byte[]", 1 << 20, Duration.ofSeconds(-1, 5), start,
                        List.of("java.util.HashMap$Node", "com.acme.Cache"), "static field"),
                new G1CollectionTyped(T, 9, "Young"),
                new HeapConfigured(T, 4L << 30));
    }

    @Test
    void everyEventTypeComesBackEqual() {
        List<Event> events = oneOfEach();
        assertThat(events.stream().map(Object::getClass).distinct().toList())
                .as("one event of each type Event permits")
                .containsExactlyInAnyOrder(Event.class.getPermittedSubclasses());

        assertThat(roundTrip(events, new StackTable())).containsExactlyElementsOf(events);
    }

    @Test
    void stacksComeBackInternedInTheMergingTable() {
        StackTable merging = new StackTable();
        List<Event> back = roundTrip(List.of(new ThreadSampled(T, 1, false, take), new ThreadSampled(T, 2, false, take)),
                merging);

        Stack first = ((ThreadSampled) back.get(0)).stack();
        assertThat(first).isSameAs(((ThreadSampled) back.get(1)).stack())
                .isSameAs(merging.intern(take.frames(), false));
        assertThat(first.fingerprint()).isEqualTo(take.fingerprint());
    }

    /** A wait's time is written as the step from the previous wait's, so times that go back come back too. */
    @Test
    void waitsComeBackByTheirFieldsInOrder() {
        PartialEncoder encoder = new PartialEncoder();
        long base = EpochNanos.of(T);
        long[] times = {base, base + 5, base - 1_000_000_000L, 0, base};
        for (int i = 0; i < times.length; i++) {
            encoder.blocked(times[i], BlockingKind.values()[i % BlockingKind.values().length], i, i * 1000L,
                    i % 2 == 0 ? take : Stack.EMPTY, i % 2 == 0, i % 3 == 0, i == 1 ? "" : "java.lang.Object");
        }
        byte[] bytes = encoder.finish();
        List<String> back = new ArrayList<>();

        int events = PartialDecoder.replay(bytes, new StackTable(), new EventSink() {
            @Override
            public void accept(Event event) {
                throw new AssertionError("a wait came back as a record: " + event);
            }

            @Override
            public void blocked(long time, BlockingKind kind, long threadId, long durationNanos, Stack stack,
                                boolean timed, boolean timedOut, String blocker) {
                back.add(time + " " + kind + " " + threadId + " " + durationNanos + " " + stack.fingerprint() + " "
                        + timed + " " + timedOut + " " + blocker);
            }
        });

        assertThat(events).isEqualTo(times.length);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            expected.add(times[i] + " " + BlockingKind.values()[i % BlockingKind.values().length] + " " + i + " "
                    + i * 1000L + " " + (i % 2 == 0 ? take : Stack.EMPTY).fingerprint() + " " + (i % 2 == 0) + " "
                    + (i % 3 == 0) + " " + (i == 1 ? "" : "java.lang.Object"));
        }
        assertThat(back).containsExactlyElementsOf(expected);
        assertThat(bytes.length).as("bytes for " + times.length + " waits, stack and blocker once each")
                .isLessThan(times.length * 24 + 400);
    }

    @Test
    void aWaitRecordTakesAFewBytesOnceItsStackAndBlockerAreKnown() {
        PartialEncoder encoder = new PartialEncoder();
        long base = EpochNanos.of(T);
        for (int i = 0; i < 1000; i++) {
            encoder.blocked(base + i * 30_000L, BlockingKind.PARK, 100 + i % 50, 25_000_000L + i, take, true, false,
                    "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject");
        }
        // Step 2-3 bytes, flags 1, thread 2, duration 4, stack and blocker 1 each.
        assertThat(encoder.finish().length).isLessThan(1000 * 13 + 300);
    }

    @Test
    void bytesAfterTheEndOrAnUnknownTagAreDamage() {
        PartialEncoder encoder = new PartialEncoder();
        encoder.accept(new ThreadEnded(T, 1));
        byte[] bytes = encoder.finish();
        byte[] trailing = Arrays.copyOf(bytes, bytes.length + 2);
        byte[] unknown = bytes.clone();
        unknown[0] = 9;

        assertThatThrownBy(() -> PartialDecoder.replay(trailing, new StackTable(), event -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("damaged partial events: 2 bytes after the end of the events (at byte " + bytes.length
                        + " of " + trailing.length + ")");
        assertThatThrownBy(() -> PartialDecoder.replay(unknown, new StackTable(), event -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("damaged partial events: unknown record tag 9 (at byte 1 of " + bytes.length + ")");
    }

    /**
     * The sink is the engine in a merge: its own argument or index errors are its bugs, and must
     * come out as they are, not as "damaged partial events" that would send a user to re-ship
     * sound bytes.
     */
    @Test
    void whatTheSinkThrowsIsNotDamage() {
        PartialEncoder encoder = new PartialEncoder();
        encoder.blocked(EpochNanos.of(T), BlockingKind.PARK, 7, 1000, take, true, false, "");
        encoder.accept(new ThreadEnded(T, 1));
        byte[] bytes = encoder.finish();
        IllegalArgumentException engineBug = new IllegalArgumentException("the engine's own check");
        ArrayIndexOutOfBoundsException engineIndex = new ArrayIndexOutOfBoundsException("the engine's own index");

        assertThatThrownBy(() -> PartialDecoder.replay(bytes, new StackTable(), new EventSink() {
            @Override
            public void accept(Event event) {
            }

            @Override
            public void blocked(long time, BlockingKind kind, long threadId, long durationNanos, Stack stack,
                                boolean timed, boolean timedOut, String blocker) {
                throw engineBug;
            }
        })).isSameAs(engineBug);
        assertThatThrownBy(() -> PartialDecoder.replay(bytes, new StackTable(), new EventSink() {
            @Override
            public void accept(Event event) {
                throw engineIndex;
            }

            @Override
            public void blocked(long time, BlockingKind kind, long threadId, long durationNanos, Stack stack,
                                boolean timed, boolean timedOut, String blocker) {
            }
        })).isSameAs(engineIndex);
    }

    @Test
    void nothingIsWrittenAfterTheEnd() {
        PartialEncoder encoder = new PartialEncoder();
        encoder.finish();

        assertThatThrownBy(() -> encoder.accept(new ThreadEnded(T, 1))).isInstanceOf(IllegalStateException.class);
    }

    private static List<Event> roundTrip(List<Event> events, StackTable table) {
        PartialEncoder encoder = new PartialEncoder();
        events.forEach(encoder);
        assertThat(encoder.events()).isEqualTo(events.size());
        List<Event> back = new ArrayList<>();
        PartialDecoder.replay(encoder.finish(), table, back::add);
        return back;
    }
}
