package io.threadwatch.samples.jobscheduler;

/** Sweeps expired entries: one short sleep between two batches. */
final class CleanupJob implements Runnable {

    @Override
    public void run() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
