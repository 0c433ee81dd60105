package io.threadwatch.samples.tomcatsyncaudit;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends an audit record for every order to the compliance store, numbered in order.
 *
 * <p><b>Bug:</b> {@link #record} is {@code synchronized} to keep the sequence numbers gap-free,
 * and holds the monitor across the remote call to the audit store (20 to 30 ms): every request
 * thread of the connector queues behind the one in the call. <b>Fix:</b> take only the
 * sequence number under the lock (or an {@code AtomicLong}) and send outside it, or hand the
 * records to a single sender thread through a queue.
 */
final class AuditService {

    private long sequence;

    synchronized long record(String customer, int items, long totalCents) {
        sequence++;
        sendToAuditStore(sequence + " customer=" + customer + " items=" + items + " total=" + totalCents);
        return sequence;
    }

    /** Stands in for a synchronous call to the remote audit store (20 to 30 ms). */
    private static void sendToAuditStore(String record) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 31));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
