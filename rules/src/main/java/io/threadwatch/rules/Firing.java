package io.threadwatch.rules;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A rule that fired on one label set: what the report turns into a finding.
 *
 * @param rule        the rule
 * @param labels      the primary sample's labels (e.g. the site)
 * @param firstHeld   start of the first window of the streak that made the rule fire
 * @param firedAt     end of the window in which the streak reached the rule's {@code for}
 * @param lastHeld    end of the last window in which the conditions held
 * @param worstValue  the primary SLI's value furthest beyond the threshold while it held
 * @param windowsHeld how many windows the conditions held, over all streaks that fired
 * @param active      whether the conditions still held in the latest window
 */
public record Firing(Rule rule, SortedMap<String, String> labels, Instant firstHeld, Instant firedAt,
                     Instant lastHeld, double worstValue, int windowsHeld, boolean active) {

    public Firing {
        Objects.requireNonNull(rule, "rule");
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        Objects.requireNonNull(firstHeld, "firstHeld");
        Objects.requireNonNull(firedAt, "firedAt");
        Objects.requireNonNull(lastHeld, "lastHeld");
    }
}
