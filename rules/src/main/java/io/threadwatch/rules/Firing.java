package io.threadwatch.rules;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A rule that fired on one label set: what the report turns into a finding. It spans every
 * episode of the rule there: an episode starts when the conditions have held for the rule's
 * {@code for} windows and ends when they have not held for its {@code clear-after} windows.
 *
 * @param rule        the rule
 * @param labels      the primary sample's labels (e.g. the site)
 * @param firstHeld   start of the first window of the streak that made the rule fire first
 * @param firedAt     end of the window in which that streak reached the rule's {@code for}
 * @param lastHeld    end of the last window in which the conditions held
 * @param worstValue  the primary SLI's value furthest beyond the threshold while it held
 * @param windowsHeld how many windows the conditions held, over all episodes
 * @param episodes    how many times it fired: 1, plus 1 for each time it fired again after clearing
 * @param active      whether the latest episode goes on: the conditions held in one of the rule's
 *                    {@code clear-after} latest windows
 */
public record Firing(Rule rule, SortedMap<String, String> labels, Instant firstHeld, Instant firedAt,
                     Instant lastHeld, double worstValue, int windowsHeld, int episodes, boolean active) {

    public Firing {
        Objects.requireNonNull(rule, "rule");
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        Objects.requireNonNull(firstHeld, "firstHeld");
        Objects.requireNonNull(firedAt, "firedAt");
        Objects.requireNonNull(lastHeld, "lastHeld");
        if (episodes < 1) {
            throw new IllegalArgumentException("a firing has at least 1 episode, not " + episodes);
        }
    }

    /** The same firing, its conditions having held again in a window ending at {@code end}. */
    Firing heldAgain(Instant end, double value) {
        return new Firing(rule, labels, firstHeld, firedAt, end, worse(worstValue, value), windowsHeld + 1, episodes,
                active);
    }

    /** The next episode: a streak of {@code windows} ending at {@code end} reached the rule's {@code for}. */
    Firing firedAgain(Instant end, double streakWorst, int windows) {
        return new Firing(rule, labels, firstHeld, firedAt, end, worse(worstValue, streakWorst), windowsHeld + windows,
                episodes + 1, true);
    }

    /** The same firing, cleared. */
    Firing cleared() {
        return new Firing(rule, labels, firstHeld, firedAt, lastHeld, worstValue, windowsHeld, episodes, false);
    }

    private double worse(double a, double b) {
        return rule.primary().op().isWorse(b, a) ? b : a;
    }
}
