package io.threadwatch.samples.grpc;

import io.grpc.Server;
import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.SampleRun;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * How a gRPC service's {@code main} usually ends: it blocks until shutdown, and a shutdown hook
 * (SIGTERM, or here {@link System#exit}) shuts the servers down and releases it.
 */
final class Lifecycle {

    private final CountDownLatch stopped = new CountDownLatch(1);

    Lifecycle(List<Server> servers) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Graceful: no new calls; calls in flight go on (the JVM is exiting anyway).
            servers.forEach(Server::shutdown);
            stopped.countDown();
        }, "grpc-shutdown-hook"));
    }

    /**
     * Ends the JVM after {@code duration}, from a timer thread: this sample's stand-in for the
     * SIGTERM that stops a real service.
     */
    void exitAfter(Duration duration, LoadGenerator load) {
        Thread timer = new Thread(() -> {
            try {
                SampleRun.runThenExit(duration, load);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "run-timer");
        timer.setDaemon(true);
        timer.start();
    }

    /** Waits, without a timeout, until the shutdown hook has shut the servers down. */
    void blockUntilShutdown() throws InterruptedException {
        stopped.await();
    }
}
