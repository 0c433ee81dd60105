package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A virtual thread started running ({@code jdk.VirtualThreadStart}, off in the JDK's settings).
 * Its stack is the virtual thread's own first frames, never its creator's, so it is not kept; the
 * event's thread is the virtual thread itself, whose name is often the best clue to who made it
 * ({@code Thread.ofVirtual().name("notify-waiter-", 0)}).
 *
 * @param time       when it started
 * @param threadId   its Java thread id
 * @param threadName its name, or the empty string (virtual threads are unnamed by default)
 */
public record VirtualThreadStarted(Instant time, long threadId, String threadName) implements Event {

    public VirtualThreadStarted {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(threadName, "threadName");
    }
}
