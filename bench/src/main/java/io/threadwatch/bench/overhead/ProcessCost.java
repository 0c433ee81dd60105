package io.threadwatch.bench.overhead;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * What this process has spent so far: CPU time of all its threads (the JVM's, GC, JIT and JFR's
 * included) and bytes allocated on the heap by its live Java threads. A measured phase is the
 * difference of two snapshots.
 *
 * <p>The allocation figure sums {@code ThreadMXBean.getThreadAllocatedBytes} over the threads
 * alive at the end of the phase, each minus its value at the start (new threads from zero). It
 * covers the service's pool, the HTTP dispatcher and the Java threads of JFR and of the agent
 * (the periodic-task and event-stream threads), but misses threads that ended during the phase,
 * threads the JVM hides from JMX, and JFR's native buffers, which are not heap. The service's
 * threads live for the whole run, so the miss is the agent's or JFR's short-lived threads, if
 * any. JDK 21's {@code getTotalThreadAllocatedBytes} would count ended threads too, but JDK 17
 * lacks it, and both JDKs must measure the same thing.
 */
final class ProcessCost {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** The counters at one moment; {@code requests} is the service's own count of answered quotes. */
    record Snapshot(long requests, long nanoTime, long cpuNanos, Map<Long, Long> allocatedBytesByThread) {
    }

    /** The cost of a measured phase. */
    record Phase(long requests, long elapsedNanos, long cpuNanos, long allocatedBytes) {

        /** As {@code key=value} lines, readable with {@link java.util.Properties#load}. */
        String asProperties() {
            return "requests=" + requests + "\nelapsed_nanos=" + elapsedNanos + "\ncpu_nanos=" + cpuNanos
                    + "\nallocated_bytes=" + allocatedBytes + "\n";
        }
    }

    /**
     * @throws UnsupportedOperationException when this JVM measures neither CPU time nor allocation
     *                                       per thread (HotSpot does both)
     */
    ProcessCost() {
        if (!threads.isThreadAllocatedMemorySupported() || os.getProcessCpuTime() < 0) {
            throw new UnsupportedOperationException("this JVM does not report process CPU time and thread allocation");
        }
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    Snapshot snapshot(long requests) {
        long[] ids = threads.getAllThreadIds();
        long[] allocated = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (allocated[i] >= 0) { // -1: the thread ended between the two calls
                byThread.put(ids[i], allocated[i]);
            }
        }
        return new Snapshot(requests, System.nanoTime(), os.getProcessCpuTime(), byThread);
    }

    static Phase between(Snapshot start, Snapshot end) {
        long allocated = 0;
        for (Map.Entry<Long, Long> thread : end.allocatedBytesByThread().entrySet()) {
            allocated += thread.getValue() - start.allocatedBytesByThread().getOrDefault(thread.getKey(), 0L);
        }
        return new Phase(end.requests() - start.requests(), end.nanoTime() - start.nanoTime(),
                end.cpuNanos() - start.cpuNanos(), allocated);
    }
}
