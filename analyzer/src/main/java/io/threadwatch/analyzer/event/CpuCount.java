package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A statement of how many CPUs the JVM may use.
 *
 * @param time   when it was recorded
 * @param cpus   the count
 * @param origin where it comes from; sources of higher {@link Origin#ordinal() ordinal} win
 */
public record CpuCount(Instant time, int cpus, Origin origin) implements Event {

    /** Where a CPU count comes from, from least to most authoritative. */
    public enum Origin {
        /** Hardware threads of the host ({@code jdk.CPUInformation}). */
        HARDWARE,
        /** The container's effective CPU count ({@code jdk.ContainerConfiguration}). */
        CONTAINER,
        /** {@code -XX:ActiveProcessorCount} ({@code jdk.IntFlag}), which overrides both. */
        FLAG
    }

    public CpuCount {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(origin, "origin");
        if (cpus < 1) {
            throw new IllegalArgumentException("cpu count must be positive, not " + cpus);
        }
    }
}
