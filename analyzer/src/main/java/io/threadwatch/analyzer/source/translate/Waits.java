package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.Stack;

/**
 * How the wait translators hand a wait on. Waits are most of a recording's events, so they go by
 * their fields ({@link EventSink#blocked}): a sink that keeps them packed, as Threadwatch's own
 * parser does, then builds no {@link Blocked} and no {@code Instant} per wait. A corrupt end time
 * that no {@code long} of epoch nanoseconds holds goes on as the record, as before.
 */
final class Waits {

    private Waits() {
    }

    /** Passes on the wait {@code event} by the event's thread, stack and end time, and these fields. */
    static void pass(SourceEvent event, EventSink sink, BlockingKind kind, long durationNanos, boolean timed,
                     boolean timedOut, String blocker) {
        long threadId = ThreadRef.idOf(event.thread());
        Stack stack = event.stack();
        long end = event.endEpochNanos();
        if (end == SourceEvent.NOT_EPOCH_NANOS) {
            sink.accept(new Blocked(event.endTime(), kind, threadId, durationNanos, stack, timed, timedOut, blocker));
        } else {
            sink.blocked(end, kind, threadId, durationNanos, stack, timed, timedOut, blocker);
        }
    }
}
