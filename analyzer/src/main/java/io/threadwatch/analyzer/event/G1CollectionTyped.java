package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * What a G1 young-generation pause also collected ({@code jdk.G1GarbageCollection}): a
 * {@code Mixed} one evacuates old regions too, so the heap after it tells how much of the old
 * generation is really alive; {@code Normal}, {@code Concurrent Start} and {@code Prepare Mixed}
 * only collect the young generation.
 *
 * @param time when the pause ended
 * @param gcId the collection's id, shared with its {@link GarbageCollected} and {@link HeapAfterGc}
 * @param type the pause type as G1 names it, e.g. {@code Mixed}
 */
public record G1CollectionTyped(Instant time, long gcId, String type) implements Event {

    /** The type of a G1 pause that evacuates old regions as well as young ones. */
    public static final String MIXED = "Mixed";

    public G1CollectionTyped {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
    }

    /** Whether the pause collected old regions too. */
    public boolean mixed() {
        return MIXED.equals(type);
    }
}
