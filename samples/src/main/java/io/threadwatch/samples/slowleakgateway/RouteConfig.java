package io.threadwatch.samples.slowleakgateway;

import io.threadwatch.samples.support.NamedThreadFactory;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's routing table (which upstream each device goes to) and the periodic refresh of
 * upstream health.
 *
 * <p><b>Bug:</b> {@link #reload} creates a new single-thread scheduler each time and drops the
 * previous one without shutting it down. Its thread starts inside {@code scheduleAtFixedRate}, so
 * every reload leaves one more live thread ({@code route-refresher-N}) created at
 * {@code RouteConfig.reload}, idle in its scheduler's queue and waking every 30 s for ever.
 *
 * <p><b>Fix:</b> one scheduler for the object's lifetime; on reload cancel the previous
 * {@code ScheduledFuture} (or shut the old scheduler down) before scheduling the new refresh.
 */
final class RouteConfig {

    private static final long REFRESH_PERIOD_SECONDS = 30;
    private static final int UPSTREAMS = 3;

    private final ThreadFactory refresherThreads = new NamedThreadFactory("route-refresher");
    private final AtomicInteger generation = new AtomicInteger();
    private volatile Map<Integer, String> upstreams = Map.of();

    /** Re-reads the routing table and (re)starts the periodic upstream health refresh. */
    void reload() {
        int gen = generation.incrementAndGet();
        upstreams = Map.of(0, "upstream-a/" + gen, 1, "upstream-b/" + gen, 2, "upstream-c/" + gen);
        // The bug: a new scheduler (and thread) per reload; the previous one is never shut down.
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(refresherThreads);
        refresher.scheduleAtFixedRate(() -> refreshHealth(gen), REFRESH_PERIOD_SECONDS, REFRESH_PERIOD_SECONDS,
                TimeUnit.SECONDS);
    }

    String routeFor(String device) {
        return upstreams.get(Math.floorMod(device.hashCode(), UPSTREAMS));
    }

    /** Stands in for probing the upstreams of one configuration generation. */
    private void refreshHealth(int gen) {
        if (gen == generation.get()) {
            upstreams = Map.copyOf(upstreams);
        }
    }
}
