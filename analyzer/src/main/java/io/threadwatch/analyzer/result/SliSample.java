package io.threadwatch.analyzer.result;

import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One SLI's value over a window: {@code name{labels} = value} at the window's end, as measured
 * (the report rounds it).
 *
 * @param time   the window's end
 * @param name   the SLI name
 * @param labels its labels, sorted
 * @param value  its value, in the SLI's unit
 */
public record SliSample(Instant time, String name, SortedMap<String, String> labels, double value) {

    public SliSample {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }
}
