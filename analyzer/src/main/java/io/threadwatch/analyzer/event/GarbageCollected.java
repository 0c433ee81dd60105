package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One garbage collection ({@code jdk.GarbageCollection}).
 *
 * @param time              when it ended
 * @param gcId              its id, shared with the heap summaries around it
 * @param collector         the collector, e.g. {@code G1New}, {@code G1Full}, {@code ZGC Minor}
 * @param cause             why it ran, e.g. {@code G1 Evacuation Pause}
 * @param pausesNanos       the sum of its stop-the-world pauses
 * @param longestPauseNanos its longest pause
 */
public record GarbageCollected(Instant time, long gcId, String collector, String cause, long pausesNanos,
                               long longestPauseNanos) implements Event {

    public GarbageCollected {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(collector, "collector");
        Objects.requireNonNull(cause, "cause");
    }
}
