package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A thread was caught running Java code ({@code jdk.ExecutionSample}): proof that it was not
 * blocked at that moment.
 *
 * @param time     when it was sampled
 * @param threadId the sampled thread's Java thread id
 * @param virtual  whether it is a virtual thread
 * @param stack    for a virtual thread, its stack (where it was last seen); {@link Stack#EMPTY}
 *                 for a platform thread, whose stack the analysis does not need
 */
public record ThreadSampled(Instant time, long threadId, boolean virtual, Stack stack) implements Event {

    public ThreadSampled {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(stack, "stack");
    }
}
