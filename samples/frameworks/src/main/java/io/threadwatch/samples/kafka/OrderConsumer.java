package io.threadwatch.samples.kafka;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;

/**
 * The consumer loop: polls the topic (2 s timeout), hands each record to the writer through a
 * bounded queue, and commits every {@link #COMMIT_EVERY} records. Between bursts its polls end
 * empty, by their timeout.
 */
final class OrderConsumer implements Runnable {

    static final Duration POLL_TIMEOUT = Duration.ofSeconds(2);
    static final int COMMIT_EVERY = 100;

    private final Broker broker;
    private final BlockingQueue<OrderRecord> downstream;

    OrderConsumer(Broker broker, BlockingQueue<OrderRecord> downstream) {
        this.broker = broker;
        this.downstream = downstream;
    }

    @Override
    public void run() {
        long sinceCommit = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (OrderRecord record : broker.poll(POLL_TIMEOUT)) {
                    handOff(record);
                    if (++sinceCommit == COMMIT_EVERY) {
                        broker.commit(record.offset());
                        sinceCommit = 0;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks while the writer's queue is full: back-pressure on the poll loop. */
    private void handOff(OrderRecord record) throws InterruptedException {
        downstream.put(record);
    }
}
