package io.threadwatch.samples.jobscheduler;

/**
 * A worker thread of its own class, as Quartz's {@code SimpleThreadPool$WorkerThread} is: the
 * poll below is the thread's own loop, at the bottom of its stack.
 */
final class JobWorker extends Thread {

    private static final long POLL_MILLIS = 1_000;

    private final JobQueue queue;

    JobWorker(String name, JobQueue queue) {
        super(name);
        this.queue = queue;
        setDaemon(true);
    }

    @Override
    public void run() {
        while (true) {
            Runnable job;
            try {
                job = queue.poll(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (job != null) {
                job.run();
            }
        }
    }
}
