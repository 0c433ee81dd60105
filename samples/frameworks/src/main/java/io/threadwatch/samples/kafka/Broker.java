package io.threadwatch.samples.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process stand-in for a Kafka topic partition and its consumer client: producers append,
 * the consumer polls with a timeout (like {@code KafkaConsumer.poll(Duration)}: at most
 * {@link #MAX_POLL_RECORDS}, an empty batch when the timeout passes with nothing to read) and
 * commits offsets synchronously.
 */
final class Broker {

    static final int MAX_POLL_RECORDS = 50;

    private final LinkedBlockingQueue<OrderRecord> partition = new LinkedBlockingQueue<>();
    private final AtomicLong nextOffset = new AtomicLong();
    private volatile long committed = -1;

    void publish(String key, String value) {
        partition.add(new OrderRecord(nextOffset.getAndIncrement(), key, value));
    }

    /** Waits up to {@code timeout} for records; returns at most {@link #MAX_POLL_RECORDS}, or none. */
    List<OrderRecord> poll(Duration timeout) throws InterruptedException {
        List<OrderRecord> batch = new ArrayList<>();
        OrderRecord first = partition.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (first != null) {
            batch.add(first);
            partition.drainTo(batch, MAX_POLL_RECORDS - 1);
        }
        return batch;
    }

    /** Stands in for {@code commitSync}: a round trip to the group coordinator (5 to 15 ms). */
    void commit(long offset) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextLong(5, 16));
        committed = offset;
    }

    long committed() {
        return committed;
    }
}
