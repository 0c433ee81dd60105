package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The heap's configured size ({@code jdk.GCHeapConfiguration}).
 *
 * @param time     when it was recorded
 * @param maxBytes the maximum heap size ({@code -Xmx} or the JVM's ergonomic choice)
 */
public record HeapConfigured(Instant time, long maxBytes) implements Event {

    public HeapConfigured {
        Objects.requireNonNull(time, "time");
        if (maxBytes < 0) {
            throw new IllegalArgumentException("negative heap size " + maxBytes);
        }
    }
}
