package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The collectors the JVM runs ({@code jdk.GCConfiguration}).
 *
 * @param time           when it was recorded
 * @param youngCollector e.g. {@code G1New}
 * @param oldCollector   e.g. {@code G1Old}
 */
public record GcConfigured(Instant time, String youngCollector, String oldCollector) implements Event {

    public GcConfigured {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(youngCollector, "youngCollector");
        Objects.requireNonNull(oldCollector, "oldCollector");
    }
}
