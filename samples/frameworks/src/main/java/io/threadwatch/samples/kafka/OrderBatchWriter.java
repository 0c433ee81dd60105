package io.threadwatch.samples.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drains the hand-off queue and writes orders to the store in batches (5 ms per batch). What
 * happens to a record that cannot be parsed ({@link #accept}) is each variant's own.
 */
public abstract class OrderBatchWriter implements Runnable {

    private static final int MAX_BATCH = 50;

    private final BlockingQueue<OrderRecord> downstream;
    private final LongAdder written = new LongAdder();

    protected OrderBatchWriter(BlockingQueue<OrderRecord> downstream) {
        this.downstream = downstream;
    }

    @Override
    public void run() {
        List<OrderRecord> batch = new ArrayList<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                batch.add(downstream.take());
                downstream.drainTo(batch, MAX_BATCH - 1);
                for (OrderRecord record : batch) {
                    accept(record);
                }
                batch.clear();
                Thread.sleep(5); // the batch's round trip to the order store
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes one record of the batch: {@link #write}s it, or deals with a record that cannot be written. */
    protected abstract void accept(OrderRecord record);

    /** Writes one record; a record whose quantity is not a number throws {@code NumberFormatException}. */
    protected final void write(OrderRecord record) {
        String value = record.value();
        int qty = Integer.parseInt(value.substring(value.indexOf("qty=") + 4));
        if (qty > 0) {
            written.increment();
        }
    }
}
