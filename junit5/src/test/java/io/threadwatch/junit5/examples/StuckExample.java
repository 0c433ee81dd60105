package io.threadwatch.junit5.examples;

import io.threadwatch.junit5.ThreadwatchGuard;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Threads that wait for something that never comes. */
@ThreadwatchGuard(graceMillis = 300)
@GuardExample
public class StuckExample {

    private static final Object LOCK = new Object();

    @Test
    void awaitsALatchNobodyCountsDown() throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        Leftovers.add(ready::countDown);
        Thread consumer = new Thread(() -> awaitQuietly(ready), "latch-waiter");
        consumer.start();
    }

    @Test
    void blocksOnALockHeldForever() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        Leftovers.add(release::countDown);
        new Thread(() -> {
            synchronized (LOCK) {
                held.countDown();
                awaitQuietly(release);
            }
        }, "lock-holder").start();
        held.await();
        new Thread(StuckExample::enterTheLock, "lock-waiter").start();
    }

    private static void enterTheLock() {
        synchronized (LOCK) {
            LOCK.notifyAll();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
