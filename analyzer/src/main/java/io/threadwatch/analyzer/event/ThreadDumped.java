package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A full thread dump in {@code jstack} format ({@code jdk.ThreadDump}); platform threads only.
 *
 * @param time when it was taken
 * @param text the dump text
 */
public record ThreadDumped(Instant time, String text) implements Event {

    public ThreadDumped {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(text, "text");
    }
}
