package io.threadwatch.samples.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        return options(args).seconds("--duration", DEFAULT_DURATION);
    }

    /**
     * Reads {@code --duration <seconds>} and the named extra options, each followed by a positive
     * number of seconds (for example {@code --leak-every 120}).
     *
     * @throws IllegalArgumentException on an unknown argument or a value that is not a positive
     *     number of seconds
     */
    public static Options options(String[] args, String... extraOptions) {
        Set<String> known = new HashSet<>(List.of(extraOptions));
        known.add("--duration");
        Map<String, Duration> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!known.contains(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException("usage: " + usage(known) + ", got: " + String.join(" ", args));
            }
            String name = args[i];
            long seconds = Long.parseLong(args[++i]);
            if (seconds <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + seconds);
            }
            values.put(name, Duration.ofSeconds(seconds));
        }
        return new Options(Map.copyOf(values));
    }

    private static String usage(Set<String> known) {
        StringBuilder usage = new StringBuilder();
        known.stream().sorted().forEach(name -> usage.append(usage.length() == 0 ? "" : " ").append('[').append(name).append(" <seconds>]"));
        return usage.toString();
    }

    /**
     * The options given on the command line, by name ({@code --duration}), in seconds.
     *
     * @param values the options given; an option left out has no entry
     */
    public record Options(Map<String, Duration> values) {

        /** The option's value, or {@code defaultValue} when it was not given. */
        public Duration seconds(String name, Duration defaultValue) {
            return values.getOrDefault(name, defaultValue);
        }

        /** {@code --duration}, or {@link #DEFAULT_DURATION}. */
        public Duration duration() {
            return seconds("--duration", DEFAULT_DURATION);
        }
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
