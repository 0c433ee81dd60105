package io.threadwatch.samples.kafkahealthy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drains the hand-off queue and writes orders to the store in batches (5 ms per batch). A record
 * that cannot be parsed goes to the dead-letter count and the writer carries on.
 */
final class OrderWriter implements Runnable {

    private static final int MAX_BATCH = 50;

    private final BlockingQueue<OrderRecord> downstream;
    private final LongAdder written = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();

    OrderWriter(BlockingQueue<OrderRecord> downstream) {
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
                    try {
                        write(record);
                    } catch (RuntimeException e) {
                        deadLettered.increment(); // a poison record must not end the writer
                    }
                }
                batch.clear();
                Thread.sleep(5); // the batch's round trip to the order store
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(OrderRecord record) {
        String value = record.value();
        int qty = Integer.parseInt(value.substring(value.indexOf("qty=") + 4));
        if (qty > 0) {
            written.increment();
        }
    }
}
