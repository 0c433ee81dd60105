package io.threadwatch.samples.kafkahealthy;

import io.threadwatch.samples.kafka.OrderPipelineService;

/**
 * Healthy control: the Kafka-shaped order pipeline of {@link OrderPipelineService} (ingest
 * endpoint, in-process topic, one consumer thread polling with a 2 s timeout, a bounded hand-off
 * queue, one writer thread). Records come in bursts of 60 to 140 every 3 to 5 s, so many polls end
 * empty by their timeout. One record in the run is malformed; {@link OrderWriter} dead-letters it
 * and carries on. Expected findings: none.
 */
public final class OrderPipeline {

    private OrderPipeline() {
    }

    public static void main(String[] args) throws Exception {
        OrderPipelineService.run(args, OrderWriter::new);
    }
}
