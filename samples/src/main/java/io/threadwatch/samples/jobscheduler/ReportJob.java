package io.threadwatch.samples.jobscheduler;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Renders a report, uploads it and waits for the audit's acknowledgement: three waits, 40-200 ms each. */
final class ReportJob implements Runnable {

    @Override
    public void run() {
        render();
        upload();
        awaitAcknowledgement();
    }

    private void render() {
        try {
            Thread.sleep(80 + ThreadLocalRandom.current().nextInt(120));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void upload() {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(40 + ThreadLocalRandom.current().nextInt(40)));
    }

    private void awaitAcknowledgement() {
        CountDownLatch acknowledged = new CountDownLatch(1);
        try {
            // The audit acknowledges by timing out here: a bounded wait that ends on time.
            acknowledged.await(60, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
