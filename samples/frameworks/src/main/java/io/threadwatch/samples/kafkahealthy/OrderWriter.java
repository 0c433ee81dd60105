package io.threadwatch.samples.kafkahealthy;

import io.threadwatch.samples.kafka.OrderBatchWriter;
import io.threadwatch.samples.kafka.OrderRecord;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * The pipeline's writer: drains the hand-off queue and writes orders to the store in batches. A
 * record that cannot be parsed goes to the dead-letter count and the writer carries on.
 */
final class OrderWriter extends OrderBatchWriter {

    private final LongAdder deadLettered = new LongAdder();

    OrderWriter(BlockingQueue<OrderRecord> downstream) {
        super(downstream);
    }

    @Override
    protected void accept(OrderRecord record) {
        try {
            write(record);
        } catch (RuntimeException e) {
            deadLettered.increment(); // a poison record must not end the writer
        }
    }
}
