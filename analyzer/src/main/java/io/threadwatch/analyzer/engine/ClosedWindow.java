package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.result.Finding;
import io.threadwatch.analyzer.result.SliSample;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one window brought: its SLIs and the findings that fired or cleared at its end.
 *
 * @param start   the window's start
 * @param end     the window's end
 * @param slis    the window's SLI samples
 * @param changes the findings that fired or cleared, in rule order
 */
public record ClosedWindow(Instant start, Instant end, List<SliSample> slis, List<FindingChange> changes) {

    public ClosedWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        slis = List.copyOf(slis);
        changes = List.copyOf(changes);
    }

    /**
     * A finding that fired (its conditions now held for the rule's {@code for} windows) or cleared
     * (they stopped holding). A fired finding carries the evidence of the moment it fired.
     *
     * @param state   fired or cleared
     * @param finding the finding as it stands at the window's end
     */
    public record FindingChange(State state, Finding finding) {

        /** Fired or cleared. */
        public enum State {
            FIRED, CLEARED;

            /** The lower-case name used in JSON. */
            public String id() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        public FindingChange {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(finding, "finding");
        }
    }
}
