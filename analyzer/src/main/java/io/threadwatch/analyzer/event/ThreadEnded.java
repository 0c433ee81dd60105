package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A platform thread ended ({@code jdk.ThreadEnd}).
 *
 * @param time     when it ended
 * @param threadId its Java thread id
 */
public record ThreadEnded(Instant time, long threadId) implements Event {

    public ThreadEnded {
        Objects.requireNonNull(time, "time");
    }
}
