package io.threadwatch.samples.support;

import java.time.Duration;

/**
 * Command line and lifecycle shared by every sample service.
 *
 * <p>A sample's {@code main} starts its service, starts its {@link LoadGenerator} in a child JVM,
 * then calls {@link #runThenExit}. The main thread waits with a timed sleep, so it never looks
 * stuck in a thread dump, and the JVM exits with {@link System#exit} whatever state the service
 * threads are in: a stuck or deadlocked thread must not keep the recording from ending.
 */
public final class SampleRun {

    /** How long a sample service runs when {@code --duration} is not given. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(40);

    private SampleRun() {
    }

    /**
     * Reads {@code --duration <seconds>} from the arguments.
     *
     * @throws IllegalArgumentException on an unknown argument or a duration that is not a
     *     positive number of seconds
     */
    public static Duration duration(String[] args) {
        Duration duration = DEFAULT_DURATION;
        for (int i = 0; i < args.length; i++) {
            if (!"--duration".equals(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException("usage: [--duration <seconds>], got: " + String.join(" ", args));
            }
            long seconds = Long.parseLong(args[++i]);
            if (seconds <= 0) {
                throw new IllegalArgumentException("--duration must be positive: " + seconds);
            }
            duration = Duration.ofSeconds(seconds);
        }
        return duration;
    }

    /** Lets the service run for {@code duration}, stops the load generator, then exits. */
    public static void runThenExit(Duration duration, LoadGenerator load) throws InterruptedException {
        Thread.sleep(duration.toMillis());
        load.close();
        System.exit(0);
    }

    /**
     * Lets the service run for {@code duration} and exits with the load generator still running;
     * the load generator notices this JVM is gone and exits by itself.
     *
     * <p>For services whose stuck threads are held by the clients themselves (an open socket
     * that never sends): stopping the clients first would close their sockets and release the
     * stuck threads before JFR takes its final thread dump in its shutdown hook.
     */
    public static void runThenExitLeavingClients(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
        System.exit(0);
    }
}
