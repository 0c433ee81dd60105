package io.threadwatch.junit5.examples;

import io.threadwatch.junit5.ThreadwatchGuard;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Creates a pool per call and never shuts it down: the classic executor leak. */
@ThreadwatchGuard(graceMillis = 300)
@GuardExample
public class ExecutorLeakExample {

    @Test
    void leaksAPool() throws Exception {
        ExecutorService pool = newPool();
        pool.submit(() -> "warm").get();
    }

    static ExecutorService newPool() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Leftovers.add(pool::shutdownNow);
        return pool;
    }
}
