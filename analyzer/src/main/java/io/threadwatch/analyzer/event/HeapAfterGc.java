package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The heap right after a collection ({@code jdk.GCHeapSummary} with {@code when = "After GC"}):
 * what survived, the baseline a memory leak raises.
 *
 * @param time           when it was taken
 * @param gcId           the collection's id
 * @param usedBytes      heap used after the collection
 * @param committedBytes heap committed
 * @param reservedBytes  heap reserved: the most it can grow to ({@code -Xmx}), or 0 when unknown
 */
public record HeapAfterGc(Instant time, long gcId, long usedBytes, long committedBytes, long reservedBytes)
        implements Event {

    public HeapAfterGc {
        Objects.requireNonNull(time, "time");
    }
}
