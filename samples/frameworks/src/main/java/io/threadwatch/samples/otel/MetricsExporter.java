package io.threadwatch.samples.otel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A hand-written metrics exporter: request threads queue metric points; one thread
 * ({@code metrics-exporter}) waits up to 5 s for the next point, then posts everything queued to
 * the collector's {@code /v1/metrics}. Between bursts it only wakes from its 5 s poll.
 */
final class MetricsExporter implements Runnable {

    private static final long POLL_SECONDS = 5;
    private static final int MAX_QUEUED = 10_000;

    private final BlockingQueue<String> points = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final CollectorClient collector;

    MetricsExporter(CollectorClient collector) {
        this.collector = collector;
    }

    /** Queues one point; drops it when the queue is full (telemetry must never block a request). */
    void record(String name, long value) {
        points.offer(name + " " + value + " " + System.currentTimeMillis());
    }

    @Override
    public void run() {
        List<String> batch = new ArrayList<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                String first = points.poll(POLL_SECONDS, TimeUnit.SECONDS);
                if (first == null) {
                    continue; // nothing for 5 s: poll again
                }
                batch.add(first);
                points.drainTo(batch);
                collector.post("/v1/metrics", String.join("\n", batch));
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
