package io.threadwatch.samples.schedulerleak;

import io.threadwatch.samples.support.NamedThreadFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds the service configuration and keeps its remote feature flags fresh.
 *
 * <p><b>Bug:</b> {@link #reload} creates a new single-thread scheduler each time and drops the
 * reference to the previous one without shutting it down. The scheduler's thread is started
 * inside {@code scheduleAtFixedRate}, so every reload leaves one more live thread created at
 * {@code ConfigReloader.reload}, idle in its scheduler's queue forever.
 *
 * <p><b>Fix:</b> create one scheduler in the constructor and, on reload, cancel the previous
 * {@code ScheduledFuture} before scheduling the new refresh (or {@code shutdown()} the old
 * scheduler).
 */
final class ConfigReloader {

    private static final long REFRESH_PERIOD_SECONDS = 2;

    private final ThreadFactory refresherThreads = new NamedThreadFactory("flag-refresher");
    private final AtomicInteger generation = new AtomicInteger();
    private volatile Map<String, String> current = Map.of();

    /** Re-reads the configuration and (re)starts the periodic refresh of the remote flags. */
    void reload() {
        int gen = generation.incrementAndGet();
        current = load(gen);
        // The bug: a new scheduler (and thread) per reload; the previous one is never shut down.
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(refresherThreads);
        refresher.scheduleAtFixedRate(() -> refreshFlags(gen), REFRESH_PERIOD_SECONDS, REFRESH_PERIOD_SECONDS,
                TimeUnit.SECONDS);
    }

    Map<String, String> current() {
        return current;
    }

    int generation() {
        return generation.get();
    }

    private static Map<String, String> load(int gen) {
        Map<String, String> config = new TreeMap<>();
        config.put("generation", Integer.toString(gen));
        config.put("pricing.currency", "EUR");
        config.put("checkout.max-items", Integer.toString(50 + gen % 7));
        config.put("flags.new-search", "false");
        return Map.copyOf(config);
    }

    /** Stands in for polling a remote flag service: flips a flag now and then. */
    private void refreshFlags(int gen) {
        Map<String, String> fresh = new TreeMap<>(current);
        fresh.put("flags.new-search", Boolean.toString((System.nanoTime() / 1_000_000_000L + gen) % 5 == 0));
        current = Map.copyOf(fresh);
    }
}
