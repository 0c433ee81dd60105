package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The JVM's own count of live platform threads ({@code jdk.JavaThreadStatistics}).
 *
 * @param time        when it was taken
 * @param live        live platform threads, daemons included
 * @param daemons     live daemon threads
 * @param accumulated threads started since the JVM started
 * @param peak        the most live threads at any time
 */
public record ThreadCount(Instant time, long live, long daemons, long accumulated, long peak) implements Event {

    public ThreadCount {
        Objects.requireNonNull(time, "time");
    }
}
