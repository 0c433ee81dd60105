package io.threadwatch.samples.kafkapoison;

import io.threadwatch.samples.kafka.OrderBatchWriter;
import io.threadwatch.samples.kafka.OrderRecord;
import java.util.concurrent.BlockingQueue;

/**
 * The pipeline's writer: drains the hand-off queue and writes orders to the store in batches.
 *
 * <p><b>Bug:</b> nothing in {@link #accept} catches a record that cannot be parsed: the
 * {@code NumberFormatException} of the first poison record goes up through the batch loop and
 * ends it and the thread (the default uncaught-exception handler prints it to stderr, nobody reads
 * it). Nobody drains the queue any more; once it is full the consumer blocks in {@code put} for
 * ever and the whole partition stops. <b>Fix:</b> catch per record and dead-letter it; supervise
 * the writer (restart it, or fail the service's health check when it dies); hand off with
 * {@code offer(timeout)} so a dead consumer side shows up as an error.
 */
final class OrderWriter extends OrderBatchWriter {

    OrderWriter(BlockingQueue<OrderRecord> downstream) {
        super(downstream);
    }

    @Override
    protected void accept(OrderRecord record) {
        write(record); // the bug: a poison record throws out of the loop and ends the thread
    }
}
