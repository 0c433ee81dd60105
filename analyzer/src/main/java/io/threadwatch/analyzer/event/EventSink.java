package io.threadwatch.analyzer.event;

import java.util.function.Consumer;

/**
 * Where a source puts a recording's events, in time order. Waits are most of a recording's events,
 * and a source that keeps them packed (Threadwatch's own parser) hands each one over field by
 * field through {@link #blocked}, so that a sink that takes them that way, the engine, builds no
 * object per wait. Any other sink gets the {@link Blocked} record from the default method, so a
 * lambda or method reference that takes an {@link Event} is a sink as it is.
 */
@FunctionalInterface
public interface EventSink extends Consumer<Event> {

    /**
     * A {@link Blocked} wait, by its fields.
     *
     * @param timeEpochNanos when the wait ended, in {@link EpochNanos}
     */
    default void blocked(long timeEpochNanos, BlockingKind kind, long threadId, long durationNanos, Stack stack,
                         boolean timed, boolean timedOut, String blocker) {
        accept(new Blocked(EpochNanos.toInstant(timeEpochNanos), kind, threadId, durationNanos, stack, timed, timedOut,
                blocker));
    }
}
