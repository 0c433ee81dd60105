package io.threadwatch.analyzer.cli;

import java.time.Duration;
import java.util.Optional;

/**
 * Ends an analysis worker whose {@code serve} process is gone. When the service is killed
 * ({@code kill -9}, a crash), nothing stops the JVMs it started: they would go on analyzing for up to
 * the time budget, each with its heap, while the restarted service analyzes the same uploads again
 * into the same {@code tmp/} files.
 */
final class ParentWatch {

    private ParentWatch() {
    }

    /**
     * Starts a daemon thread that runs {@code exit} once {@code parent} is no longer alive, checking
     * every {@code every}; nothing when there is no parent to watch.
     *
     * @return the thread, or empty when there was no parent
     */
    static Optional<Thread> exitWhenGone(Optional<ProcessHandle> parent, Duration every, Runnable exit) {
        if (parent.isEmpty()) {
            return Optional.empty();
        }
        // The handle is taken now: once orphaned, ProcessHandle.parent() would name the new parent (init).
        ProcessHandle watched = parent.get();
        Thread thread = new Thread(() -> {
            try {
                while (watched.isAlive()) {
                    Thread.sleep(every.toMillis());
                }
                exit.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "threadwatch-serve-worker-parent-watch");
        thread.setDaemon(true);
        thread.start();
        return Optional.of(thread);
    }
}
