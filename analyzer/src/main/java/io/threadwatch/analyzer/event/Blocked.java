package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A thread blocked and woke up again: a park, monitor enter or wait, sleep or socket read that
 * lasted longer than the recording's threshold. Waits that never end produce no such event.
 *
 * @param time           when the wait ended
 * @param kind           what it waited on
 * @param threadId       the waiting thread's Java thread id
 * @param durationNanos  how long it waited
 * @param stack          the waiting thread's stack, or {@link Stack#EMPTY}
 * @param timed          whether the wait had a timeout or deadline
 * @param timedOut       whether it ended because that timeout or deadline passed (a poll that
 *                       found nothing, a borrow that gave up), rather than by being woken
 * @param blocker        the class blocked on (park blocker, monitor class) or {@code host:port},
 *                       or the empty string when unknown
 */
public record Blocked(Instant time, BlockingKind kind, long threadId, long durationNanos, Stack stack, boolean timed,
                      boolean timedOut, String blocker) implements Event {

    public Blocked {
        Objects.requireNonNull(time, "time");
        requireValid(kind, durationNanos, stack, blocker);
    }

    /**
     * Throws as the constructor does for these fields: a sink that takes waits by their fields
     * ({@link EventSink#blocked}) and builds no record refuses what the record would refuse.
     */
    public static void requireValid(BlockingKind kind, long durationNanos, Stack stack, String blocker) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(blocker, "blocker");
        if (durationNanos < 0) {
            throw new IllegalArgumentException("negative duration " + durationNanos + " ns");
        }
    }
}
