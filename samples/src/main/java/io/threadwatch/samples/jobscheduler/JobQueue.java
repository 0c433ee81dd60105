package io.threadwatch.samples.jobscheduler;

import java.util.ArrayDeque;
import java.util.Queue;

/** The jobs waiting for a worker, guarded by its own monitor as Quartz's pool guards its hand-over. */
final class JobQueue {

    private final Queue<Runnable> jobs = new ArrayDeque<>();

    void submit(Runnable job) {
        synchronized (this) {
            jobs.add(job);
            notifyAll();
        }
    }

    /** The next job, or {@code null} when none came within the poll: the caller polls again. */
    Runnable poll(long timeoutMillis) throws InterruptedException {
        synchronized (this) {
            if (jobs.isEmpty()) {
                wait(timeoutMillis);
            }
            return jobs.poll();
        }
    }
}
