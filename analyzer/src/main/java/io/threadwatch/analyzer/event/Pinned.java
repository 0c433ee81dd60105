package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A virtual thread blocked while pinned to its carrier ({@code jdk.VirtualThreadPinned}), so the
 * carrier could not run other virtual threads.
 *
 * @param time              when the pinned wait ended
 * @param threadId          the virtual thread's Java thread id
 * @param durationNanos     how long it was pinned
 * @param stack             its stack, or {@link Stack#EMPTY}
 * @param reason            why it pinned (JDK 24+, e.g. {@code VM call to X.<clinit> on stack}), or empty
 * @param blockingOperation what it blocked in (JDK 24+, e.g. {@code LockSupport.park}), or empty
 */
public record Pinned(Instant time, long threadId, long durationNanos, Stack stack, String reason,
                     String blockingOperation) implements Event {

    public Pinned {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(blockingOperation, "blockingOperation");
    }
}
