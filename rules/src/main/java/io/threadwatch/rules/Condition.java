package io.threadwatch.rules;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One comparison of an SLI with a threshold, restricted to the samples whose labels match.
 *
 * @param sli       the SLI name
 * @param labels    label filter: for each listed label name, the values a sample may have
 *                  ({@value #ANY_VALUE} for any value); a sample without the label does not
 *                  match. Empty matches every sample.
 * @param op        the comparison
 * @param threshold the threshold, in the SLI's unit
 */
public record Condition(String sli, SortedMap<String, SortedSet<String>> labels, Comparison op, double threshold) {

    /** The filter value that accepts any value of a label, as long as the sample has it. */
    public static final String ANY_VALUE = "*";

    public Condition {
        Objects.requireNonNull(sli, "sli");
        Objects.requireNonNull(op, "op");
        TreeMap<String, SortedSet<String>> copy = new TreeMap<>();
        labels.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v))));
        labels = Collections.unmodifiableSortedMap(copy);
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold of " + sli + " must be a finite number");
        }
    }

    /** A condition with a label filter given as plain maps and sets. */
    public static Condition of(String sli, Map<String, ? extends Set<String>> labels, Comparison op, double threshold) {
        TreeMap<String, SortedSet<String>> sorted = new TreeMap<>();
        labels.forEach((k, v) -> sorted.put(k, new TreeSet<>(v)));
        return new Condition(sli, sorted, op, threshold);
    }

    /** Whether the sample belongs to this condition's SLI and passes its label filter. */
    public boolean selects(Sample sample) {
        if (!sample.name().equals(sli)) {
            return false;
        }
        for (Map.Entry<String, SortedSet<String>> filter : labels.entrySet()) {
            String value = sample.labels().get(filter.getKey());
            if (value == null || !(filter.getValue().contains(value) || filter.getValue().contains(ANY_VALUE))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a selected sample's value satisfies the comparison. */
    public boolean holdsFor(Sample sample) {
        return op.test(sample.value(), threshold);
    }
}
