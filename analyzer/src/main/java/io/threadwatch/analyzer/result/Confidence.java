package io.threadwatch.analyzer.result;

import java.util.Locale;

/**
 * How sure a finding is, from the evidence behind it. Ordered from the strongest.
 */
public enum Confidence {
    /** Measured or observed directly: consecutive dumps, events, a significant trend over a long enough span. */
    CONFIRMED,
    /** Inferred from sparser evidence: a blocked time estimated from last activity, a trend over a short span. */
    ESTIMATED,
    /** What the recording shows is consistent with the problem, but too short or sparse to confirm it. */
    SUSPECTED;

    /** The lower-case name used in reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stronger of two. */
    public Confidence strongest(Confidence other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
