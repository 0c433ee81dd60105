package io.threadwatch.samples.jobscheduler;

import io.threadwatch.samples.support.NamedThreadFactory;
import io.threadwatch.samples.support.SampleRun;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Healthy control: a job scheduler built the way Quartz's {@code SimpleThreadPool} is. Five
 * worker threads, each a {@code Thread} subclass, poll a shared job queue with {@code wait(1000)}
 * in their own {@code run()}; a trigger hands out a burst of jobs every 3 s. A report job waits in
 * three places (rendering, uploading, waiting for the audit's acknowledgement). Expected findings:
 * none (an idle poll is not blocking, however long it waits).
 */
public final class JobScheduler {

    private static final int WORKERS = 5;
    private static final long BURST_EVERY_MILLIS = 3_000;

    private JobScheduler() {
    }

    public static void main(String[] args) throws InterruptedException {
        Duration duration = SampleRun.duration(args);
        JobQueue queue = new JobQueue();
        for (int i = 1; i <= WORKERS; i++) {
            new JobWorker("job-worker-" + i, queue).start();
        }
        ScheduledExecutorService trigger = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("job-trigger"));
        trigger.scheduleAtFixedRate(() -> {
            for (int i = 0; i < 3; i++) {
                queue.submit(new ReportJob());
            }
            queue.submit(new CleanupJob());
            queue.submit(new CleanupJob());
        }, 500, BURST_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        SampleRun.runThenExitLeavingClients(duration);
    }
}
