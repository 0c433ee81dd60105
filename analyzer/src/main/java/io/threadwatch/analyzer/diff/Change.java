package io.threadwatch.analyzer.diff;

/** How a count of threads changed from before to after. */
public enum Change {
    /** None before, some after. */
    APPEARED,
    /** More after than before. */
    GREW,
    /** Fewer after than before, but some. */
    SHRANK,
    /** Some before, none after. */
    VANISHED,
    /** The same count. */
    UNCHANGED;

    /** The change from {@code before} to {@code after} threads. */
    public static Change of(int before, int after) {
        if (before == after) {
            return UNCHANGED;
        }
        if (before == 0) {
            return APPEARED;
        }
        if (after == 0) {
            return VANISHED;
        }
        return after > before ? GREW : SHRANK;
    }

    /** The lower-case name the JSON and text output use. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonValue
    String json() {
        return id();
    }
}
