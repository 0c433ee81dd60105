package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The scheduler refused to start or continue a virtual thread ({@code jdk.VirtualThreadSubmitFailed}):
 * its task is lost.
 *
 * @param time     when it happened
 * @param threadId the virtual thread's Java thread id
 * @param message  the exception's message, or empty
 * @param stack    the submitting stack, or {@link Stack#EMPTY}
 */
public record SubmitFailed(Instant time, long threadId, String message, Stack stack) implements Event {

    public SubmitFailed {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(stack, "stack");
    }
}
