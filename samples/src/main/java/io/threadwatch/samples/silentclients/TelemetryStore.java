package io.threadwatch.samples.silentclients;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Keeps a count of the records received per metric name. */
final class TelemetryStore {

    private final ConcurrentHashMap<String, LongAdder> countsByMetric = new ConcurrentHashMap<>();

    void accept(String[] record) {
        countsByMetric.computeIfAbsent(record[0], name -> new LongAdder()).increment();
    }
}
