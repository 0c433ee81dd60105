package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A virtual thread ended ({@code jdk.VirtualThreadEnd}).
 *
 * @param time     when it ended
 * @param threadId its Java thread id
 */
public record VirtualThreadEnded(Instant time, long threadId) implements Event {

    public VirtualThreadEnded {
        Objects.requireNonNull(time, "time");
    }
}
