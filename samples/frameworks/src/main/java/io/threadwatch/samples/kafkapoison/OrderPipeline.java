package io.threadwatch.samples.kafkapoison;

import io.threadwatch.samples.kafka.OrderPipelineService;

/**
 * The Kafka-shaped order pipeline of {@link OrderPipelineService}: an ingest endpoint appends
 * records to an in-process topic; one consumer thread ({@code orders-consumer-1}) polls it and
 * hands each record to a bounded queue (100) drained by one writer thread
 * ({@code orders-writer-1}). Records come in bursts of 60 to 140 every 3 to 5 s; record 250 (third
 * burst, about 8 s) is malformed.
 *
 * <p><b>Problem:</b> the malformed record ends the writer thread ({@link OrderWriter}); the
 * hand-off queue fills within the next burst and the consumer waits in
 * {@code OrderConsumer.handOff} ({@code put}) for ever (blocked forever, from about 12 s). See
 * {@link OrderWriter} for the fix.
 */
public final class OrderPipeline {

    private OrderPipeline() {
    }

    public static void main(String[] args) throws Exception {
        OrderPipelineService.run(args, OrderWriter::new);
    }
}
