package io.threadwatch.samples.unboundedcache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered reports by request.
 *
 * <p><b>Bug:</b> the key includes {@code asOf}, the timestamp each client sends with its export
 * (the report only depends on the day), so every request is a miss and adds an entry; and the
 * map has no bound and no expiry, so every report rendered since start-up stays reachable.
 * <b>Fix:</b> key by what the report depends on (customer, report, day) and bound the cache by
 * size or weight with an eviction policy (an LRU {@code LinkedHashMap} with
 * {@code removeEldestEntry}, or a caching library with a maximum weight and an expiry).
 */
final class ReportCache {

    private record Key(String customer, String report, long asOf) {
    }

    private final Map<Key, byte[]> reports = new ConcurrentHashMap<>();

    byte[] get(String customer, String report, long asOf, Supplier<byte[]> render) {
        return reports.computeIfAbsent(new Key(customer, report, asOf), key -> render.get());
    }
}
