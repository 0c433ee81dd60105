package io.threadwatch.samples.hotlock;

import java.util.ArrayDeque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An append-only audit log shared by all request workers.
 *
 * <p><b>Bug:</b> {@link #append} holds the log's monitor during the slow, synchronous write
 * and flush (20 to 30 ms, simulated with a sleep), so every request worker queues behind it:
 * the service is serialized on one lock. <b>Fix:</b> hand records to a single writer thread
 * through a queue and batch the flushes, or at least keep only the in-memory append inside
 * the lock.
 */
final class AuditLog {

    private static final int KEPT_RECORDS = 1_000;

    private final ArrayDeque<String> recent = new ArrayDeque<>();
    private long sequence;

    synchronized void append(String record) {
        sequence++;
        recent.addLast(sequence + " " + record);
        if (recent.size() > KEPT_RECORDS) {
            recent.removeFirst();
        }
        flushToDisk();
    }

    /** Stands in for a synchronous write plus fsync of the audit file. */
    private static void flushToDisk() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 31));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
