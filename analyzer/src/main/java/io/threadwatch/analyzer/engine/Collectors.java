package io.threadwatch.analyzer.engine;

import java.util.Set;

/**
 * What a collection covered, by the collector name {@code jdk.GarbageCollection} gives (HotSpot's
 * {@code GCName}: {@code gcName.hpp}). Names the JDK does not have here count as young-only, so an
 * unknown collector never passes for a measurement of the live set.
 */
final class Collectors {

    /** Stop-the-world collections of the whole heap. */
    private static final Set<String> FULL = Set.of("G1Full", "SerialOld", "ParallelOld", "PSMarkSweep");
    /**
     * Collections of the old generation besides the full ones: G1's concurrent cycle ({@code G1Old},
     * whose cleanup frees old regions found empty, dead humongous objects included), and concurrent
     * collectors whose every cycle (non-generational ZGC, Shenandoah) or major cycle (generational
     * ZGC, JDK 21+) marks the whole heap.
     */
    private static final Set<String> OLD = Set.of("G1Old", "Z", "ZGC Major", "Shenandoah");

    private Collectors() {
    }

    static boolean isFull(String collector) {
        return FULL.contains(collector);
    }

    /**
     * Whether the collection reached the old generation, so that the heap after it (and after the
     * young pauses near it) bounds the live set closely: full collections, old cycles, and G1's
     * mixed pauses, which evacuate old regions as well as young ones.
     */
    static boolean isOldGeneration(String collector, boolean g1Mixed) {
        return FULL.contains(collector) || OLD.contains(collector) || ("G1New".equals(collector) && g1Mixed);
    }
}
