package io.threadwatch.samples.kafkapoison;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drains the hand-off queue and writes orders to the store in batches (5 ms per batch).
 *
 * <p><b>Bug:</b> nothing in {@link #run} catches a record that cannot be parsed: the
 * {@code NumberFormatException} of the first poison record ends the loop and the thread (the
 * default uncaught-exception handler prints it to stderr, nobody reads it). Nobody drains the
 * queue any more; once it is full the consumer blocks in {@code put} for ever and the whole
 * partition stops. <b>Fix:</b> catch per record and dead-letter it; supervise the writer
 * (restart it, or fail the service's health check when it dies); hand off with
 * {@code offer(timeout)} so a dead consumer side shows up as an error.
 */
final class OrderWriter implements Runnable {

    private static final int MAX_BATCH = 50;

    private final BlockingQueue<OrderRecord> downstream;
    private final LongAdder written = new LongAdder();

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
                    write(record); // the bug: a poison record throws out of the loop and ends the thread
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
