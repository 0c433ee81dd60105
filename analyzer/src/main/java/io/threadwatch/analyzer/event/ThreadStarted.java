package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A platform thread started ({@code jdk.ThreadStart}).
 *
 * @param time           when it started
 * @param threadId       the new thread's Java thread id
 * @param threadName     its name
 * @param parentThreadId the starting thread's Java thread id, or {@code -1} when the JVM started it
 * @param creatorStack   the stack that called {@code Thread.start()}, or {@link Stack#EMPTY}
 */
public record ThreadStarted(Instant time, long threadId, String threadName, long parentThreadId, Stack creatorStack)
        implements Event {

    public ThreadStarted {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(threadName, "threadName");
        Objects.requireNonNull(creatorStack, "creatorStack");
    }
}
