package io.threadwatch.analyzer.source.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.EpochNanos;
import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.Stack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@code parkUntil} wait timed out when it ended at or after its deadline, a whole millisecond
 * since the epoch: the translator decides that from the end time in epoch nanoseconds, and from the
 * {@link Instant} only for a time no {@code long} holds. The recordings cannot place an end on the
 * deadline's exact nanosecond, so these events are written by hand, with the fields JFR gives a
 * {@code jdk.ThreadPark} of {@code LockSupport.parkUntil} (timeout not set, {@code Long.MIN_VALUE}).
 */
class ThreadParkDeadlineTest {

    private static final long DEADLINE_MILLIS = 1_796_000_000_123L;

    @Test
    void aParkThatEndsOnItsDeadlineTimedOutAndOneThatEndsANanosecondBeforeDidNot() {
        long deadline = DEADLINE_MILLIS * 1_000_000L;

        assertThat(translate(deadline).timedOut()).isTrue();
        assertThat(translate(deadline + 999_999).timedOut()).isTrue();
        assertThat(translate(deadline - 1).timedOut()).isFalse();
        assertThat(translate(deadline).timed()).isTrue();
        assertThat(translate(deadline).time()).isEqualTo(EpochNanos.toInstant(deadline));
    }

    @Test
    void anEndBeyondEpochNanosIsJudgedByItsInstantAndPassedOnAsItIs() {
        Instant far = Instant.parse("3000-01-01T00:00:00Z");
        UntilPark park = new UntilPark(far, SourceEvent.NOT_EPOCH_NANOS);

        Blocked blocked = translate(park);

        assertThat(blocked.timedOut()).isTrue();
        assertThat(blocked.time()).isEqualTo(far);
    }

    private static Blocked translate(long endEpochNanos) {
        return translate(new UntilPark(EpochNanos.toInstant(endEpochNanos), endEpochNanos));
    }

    private static Blocked translate(UntilPark park) {
        List<Event> events = new ArrayList<>();
        new ThreadParkTranslator().translate(park, new TranslationContext(), events::add);
        assertThat(events).hasSize(1);
        return (Blocked) events.get(0);
    }

    /** A {@code jdk.ThreadPark} of {@code parkUntil(DEADLINE_MILLIS)}, one second long, on thread 7. */
    private record UntilPark(Instant end, long endNanos) implements SourceEvent {

        @Override
        public Instant startTime() {
            return end.minusSeconds(1);
        }

        @Override
        public Instant endTime() {
            return end;
        }

        @Override
        public long endEpochNanos() {
            return endNanos;
        }

        @Override
        public long durationNanos() {
            return 1_000_000_000L;
        }

        @Override
        public ThreadRef thread() {
            return new ThreadRef(7, "worker-7", false);
        }

        @Override
        public Stack stack() {
            return Stack.EMPTY;
        }

        @Override
        public boolean hasField(String name) {
            return name.equals("timeout") || name.equals("until") || name.equals("parkedClass");
        }

        @Override
        public long getLong(String name) {
            return name.equals("until") ? DEADLINE_MILLIS : Long.MIN_VALUE;
        }

        @Override
        public boolean getBoolean(String name) {
            return false;
        }

        @Override
        public String getString(String name) {
            return null;
        }

        @Override
        public String className(String name) {
            return "java.util.concurrent.locks.ReentrantLock$NonfairSync";
        }

        @Override
        public RecordFields struct(String name) {
            return null;
        }

        @Override
        public ThreadRef thread(String name) {
            return null;
        }

        @Override
        public long durationNanos(String name) {
            return 0;
        }

        @Override
        public Instant instant(String name) {
            return null;
        }
    }
}
