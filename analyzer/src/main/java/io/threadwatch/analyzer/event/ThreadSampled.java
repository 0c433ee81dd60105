package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A thread was caught running Java code ({@code jdk.ExecutionSample}): proof that it was not
 * blocked at that moment.
 *
 * @param time     when it was sampled
 * @param threadId the sampled thread's Java thread id
 */
public record ThreadSampled(Instant time, long threadId) implements Event {

    public ThreadSampled {
        Objects.requireNonNull(time, "time");
    }
}
