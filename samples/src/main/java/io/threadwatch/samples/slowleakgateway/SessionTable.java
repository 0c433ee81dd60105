package io.threadwatch.samples.slowleakgateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Devices seen recently; the sweeper drops those silent for more than a minute. */
final class SessionTable {

    private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Map<String, Long> lastSeenNanos = new ConcurrentHashMap<>();

    void touch(String device) {
        lastSeenNanos.put(device, System.nanoTime());
    }

    void sweep() {
        long now = System.nanoTime();
        lastSeenNanos.values().removeIf(seen -> now - seen > IDLE_NANOS);
    }
}
