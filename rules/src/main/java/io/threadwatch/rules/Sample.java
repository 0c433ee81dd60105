package io.threadwatch.rules;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One SLI value of one window, Prometheus style: {@code name{labels} = value}.
 *
 * @param name   the SLI name, such as {@code threads.leak.rate}
 * @param labels label names to values, sorted by name; empty for an unlabelled SLI
 * @param value  the value, in the SLI's unit
 */
public record Sample(String name, SortedMap<String, String> labels, double value) {

    public Sample {
        Objects.requireNonNull(name, "name");
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("SLI " + name + labels + " is NaN");
        }
    }

    /** An unlabelled sample. */
    public static Sample of(String name, double value) {
        return new Sample(name, new TreeMap<>(), value);
    }

    /** A sample with the given labels. */
    public static Sample of(String name, Map<String, String> labels, double value) {
        return new Sample(name, new TreeMap<>(labels), value);
    }

    /** Whether every label the two samples share has the same value. */
    public boolean agreesWith(SortedMap<String, String> otherLabels) {
        for (Map.Entry<String, String> e : labels.entrySet()) {
            String other = otherLabels.get(e.getKey());
            if (other != null && !other.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }
}
