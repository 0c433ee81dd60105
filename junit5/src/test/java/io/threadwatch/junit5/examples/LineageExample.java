package io.threadwatch.junit5.examples;

import io.threadwatch.junit5.ThreadwatchGuard;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Who started a thread decides whose it is, not when it appeared. */
@ThreadwatchGuard(graceMillis = 300)
@GuardExample
public class LineageExample {

    /** A pool that exists before the tests run: its worker is not theirs, nor what it starts. */
    public static final ExecutorService OUTSIDER = Executors.newSingleThreadExecutor();

    @Test
    void aThreadStartedByAThreadTheTestStartedIsTheTests() throws Exception {
        Thread starter = new Thread(LineageExample::startSleeper, "starter");
        starter.start();
        starter.join();
    }

    @Test
    void aThreadStartedByAThreadFromBeforeTheTestIsNotTheTests() throws Exception {
        OUTSIDER.submit(LineageExample::startSleeper).get();
    }

    private static void startSleeper() {
        CountDownLatch stop = new CountDownLatch(1);
        Leftovers.add(stop::countDown);
        new Thread(() -> {
            try {
                stop.await(1, TimeUnit.HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sleeper").start();
    }
}
