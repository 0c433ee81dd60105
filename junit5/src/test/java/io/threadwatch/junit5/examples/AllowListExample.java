package io.threadwatch.junit5.examples;

import io.threadwatch.junit5.ThreadwatchGuard;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Threads meant to outlive their test, allowed by name and by creation site. */
@GuardExample
public class AllowListExample {

    @Test
    @ThreadwatchGuard(graceMillis = 300, allowThreads = "shared-cache-.*")
    void startsASharedThreadAllowedByName() {
        Thread refresher = new Thread(AllowListExample::parkUntilInterrupted, "shared-cache-refresher");
        refresher.setDaemon(true);
        refresher.start();
        Leftovers.add(refresher::interrupt);
    }

    @Test
    @ThreadwatchGuard(graceMillis = 300, allowSites = "AllowListExample\\.scheduleSharedRefresh\\(")
    void startsASchedulerAllowedBySite() {
        scheduleSharedRefresh();
    }

    /** The scheduler's worker starts with its first task, so this is the frame its creation stack holds. */
    private static void scheduleSharedRefresh() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        Leftovers.add(scheduler::shutdownNow);
        scheduler.schedule(() -> { }, 1, TimeUnit.HOURS);
    }

    private static void parkUntilInterrupted() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
