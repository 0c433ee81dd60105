package io.threadwatch.samples.vthreadleak;

import io.threadwatch.samples.support.NamedThreadFactory;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the clearing house's confirmation feed: a payment submitted here is confirmed
 * 10 to 30 ms later into the mailbox that {@link #mailbox} returned for it.
 *
 * <p>Only euro payments are cleared by this feed. Payments in other currencies go to the
 * foreign-exchange clearing queue, whose consumer this deployment never starts: nothing ever
 * confirms them, and their mailboxes stay empty.
 */
final class ClearingHouse {

    /** A confirmation: the clearing house's reference for a payment. */
    record Confirmation(long paymentId, String clearingRef) {
    }

    private final ScheduledThreadPoolExecutor feed;
    private final Map<Long, BlockingQueue<Confirmation>> mailboxes = new ConcurrentHashMap<>();
    private final BlockingQueue<Long> fxClearing = new ArrayBlockingQueue<>(100_000);

    private ClearingHouse(ScheduledThreadPoolExecutor feed) {
        this.feed = feed;
    }

    static ClearingHouse start() {
        ScheduledThreadPoolExecutor feed = new ScheduledThreadPoolExecutor(1, new NamedThreadFactory("clearing-feed"));
        feed.prestartAllCoreThreads();
        return new ClearingHouse(feed);
    }

    /** The mailbox the confirmation of {@code paymentId} will be delivered to. */
    BlockingQueue<Confirmation> mailbox(long paymentId) {
        return mailboxes.computeIfAbsent(paymentId, id -> new ArrayBlockingQueue<>(1));
    }

    void submit(long paymentId, String currency) {
        if (!"EUR".equals(currency)) {
            fxClearing.offer(paymentId); // nobody consumes this queue in this deployment
            return;
        }
        long latencyMillis = ThreadLocalRandom.current().nextLong(10, 31);
        feed.schedule(() -> {
            BlockingQueue<Confirmation> mailbox = mailboxes.remove(paymentId);
            if (mailbox != null) {
                mailbox.offer(new Confirmation(paymentId, "CLR-" + paymentId));
            }
        }, latencyMillis, TimeUnit.MILLISECONDS);
    }
}
