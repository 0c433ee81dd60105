package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A virtual thread started running ({@code jdk.VirtualThreadStart}, off in the JDK's settings).
 * Its stack is the virtual thread's own first frames, never its creator's, so it is not kept.
 *
 * @param time     when it started
 * @param threadId its Java thread id
 */
public record VirtualThreadStarted(Instant time, long threadId) implements Event {

    public VirtualThreadStarted {
        Objects.requireNonNull(time, "time");
    }
}
