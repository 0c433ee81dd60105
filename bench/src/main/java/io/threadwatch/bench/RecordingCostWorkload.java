package io.threadwatch.bench;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed amount of service-like work, to measure what recording it costs: CPU-bound request
 * handling on a pool, a contended lock, hand-offs to a writer thread through a queue, short-lived
 * threads, and a few waits long enough for JFR's 20 ms thresholds. Prints the throughput of the
 * measured phase as {@code requests/s=N}.
 *
 * <pre>java -cp bench/target/classes io.threadwatch.bench.RecordingCostWorkload [requests]</pre>
 */
public final class RecordingCostWorkload {

    private static final int WORKERS = 16;
    /** Tells the writer to stop; results are never negative. */
    private static final long STOP = -1L;
    private static final Object LOCK = new Object();
    private static long shared;

    private RecordingCostWorkload() {
    }

    public static void main(String[] args) throws InterruptedException {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        run(requests / 10);
        long start = System.nanoTime();
        run(requests);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("requests/s=%.0f seconds=%.3f%n", requests / seconds, seconds);
    }

    private static void run(int requests) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        BlockingQueue<Long> toWriter = new LinkedBlockingQueue<>(1024);
        AtomicLong written = new AtomicLong();
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    long value = toWriter.take();
                    if (value == STOP) {
                        return;
                    }
                    written.addAndGet(value & 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "writer");
        writer.start();
        CountDownLatch done = new CountDownLatch(requests);
        for (int i = 0; i < requests; i++) {
            final int n = i;
            pool.execute(() -> {
                try {
                    handle(n, toWriter);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        toWriter.put(STOP);
        writer.join();
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
    }

    private static void handle(int n, BlockingQueue<Long> toWriter) throws InterruptedException {
        long hash = n;
        for (int i = 0; i < 2_000; i++) {
            hash = hash * 31 + ThreadLocalRandom.current().nextInt(1000);
        }
        if (n % 50 == 0) {
            synchronized (LOCK) {
                for (int i = 0; i < 5_000; i++) {
                    shared = shared * 17 + i;
                }
            }
        }
        if (n % 1_000 == 0) {
            Thread worker = new Thread(() -> Thread.onSpinWait(), "short-lived-" + n);
            worker.start();
            worker.join();
        }
        if (n % 5_000 == 0) {
            Thread.sleep(25); /* 25 ms: above the 20 ms thresholds */
        }
        toWriter.put(hash & Long.MAX_VALUE);
    }
}
