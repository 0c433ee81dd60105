package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The recorded JVM ({@code jdk.JVMInformation}).
 *
 * @param time      when it was recorded
 * @param name      the JVM name, e.g. {@code OpenJDK 64-Bit Server VM}
 * @param version   the JVM version string
 * @param pid       the process id
 * @param startTime when the JVM started
 */
public record JvmInfo(Instant time, String name, String version, long pid, Instant startTime) implements Event {

    public JvmInfo {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(startTime, "startTime");
    }
}
