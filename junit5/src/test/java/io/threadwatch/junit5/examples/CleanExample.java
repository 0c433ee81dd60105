package io.threadwatch.junit5.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.junit5.ThreadwatchGuard;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tests that clean up after themselves: the guard must stay silent. */
@ThreadwatchGuard
@GuardExample
public class CleanExample {

    @Test
    void shutsItsPoolDown() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        assertThat(pool.submit(() -> 6 * 7).get()).isEqualTo(42);
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void joinsItsThread() throws Exception {
        Thread worker = new Thread(() -> { }, "joined-worker");
        worker.start();
        worker.join();
    }

    @Test
    void usesTheCommonPool() {
        assertThat(CompletableFuture.supplyAsync(() -> 6 * 7).join()).isEqualTo(42);
        assertThat(IntStream.range(0, 10_000).parallel().sum()).isEqualTo(49_995_000);
    }

    @Test
    @Timeout(5) // JUnit starts its shared timeout watcher thread from the first such test: JUnit's, not the test's
    void runsUnderJUnitsTimeout() {
        assertThat(Integer.toString(42)).isEqualTo("42");
    }

    @Test
    void startsAThreadThatEndsWithinTheGracePeriod() {
        new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "short-lived").start();
    }
}
