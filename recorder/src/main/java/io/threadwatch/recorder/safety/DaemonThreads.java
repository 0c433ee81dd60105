package io.threadwatch.recorder.safety;

import java.util.concurrent.ThreadFactory;

/** Threadwatch's threads: daemon, so they never keep the host's JVM alive, and named for thread dumps. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A factory of daemon threads all named {@code name}. */
    public static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
