package io.threadwatch.recorder.safety;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * One named daemon thread with a bounded queue. {@link #offer} never blocks the caller: when the
 * queue is full the task is dropped and counted. Tasks run guarded by {@link Failures}.
 */
public final class BoundedWorker implements AutoCloseable {

    private final String name;
    private final Failures failures;
    private final LongAdder dropped;
    private final ThreadPoolExecutor executor;

    /**
     * @param name     the thread is named {@code threadwatch-<name>}; failures are recorded under it
     * @param capacity tasks that may wait
     * @param dropped  where drops are counted (shared by a recorder's workers)
     */
    public BoundedWorker(String name, int capacity, Failures failures, LongAdder dropped) {
        this.name = name;
        this.failures = failures;
        this.dropped = dropped;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                DaemonThreads.named("threadwatch-" + name), (task, pool) -> dropped.increment());
    }

    /** Queues {@code task}, or drops it if the queue is full or the worker has stopped. */
    public void offer(Runnable task) {
        if (executor.isShutdown()) {
            dropped.increment();
            return;
        }
        executor.execute(() -> failures.guard(name, task));
    }

    /** Runs what is queued, waiting at most {@code millis}, then stops the thread. */
    public void stop(long millis) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the thread at once, dropping what is queued: for a watch that failed to start. */
    @Override
    public void close() {
        stop(0);
    }

    /** Tasks dropped so far by every worker sharing the counter. */
    public long dropped() {
        return dropped.sum();
    }
}
