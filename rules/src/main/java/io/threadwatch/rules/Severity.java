package io.threadwatch.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How urgent a finding is, from least to most severe. */
public enum Severity {
    /** Worth knowing; no action expected. */
    INFO,
    /** Degrades the service or will if it goes on; plan a fix. */
    WARNING,
    /** Breaks the service or exhausts a resource; fix now. */
    CRITICAL;

    /** The lower-case name used in rule files, reports and the CLI. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this severity is at least as severe as {@code other}. */
    public boolean isAtLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Parses {@code info}, {@code warning} or {@code critical} (any case). */
    @JsonCreator
    public static Severity fromId(String id) {
        for (Severity s : values()) {
            if (s.id().equalsIgnoreCase(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + id + "'; expected one of info, warning, critical");
    }
}
