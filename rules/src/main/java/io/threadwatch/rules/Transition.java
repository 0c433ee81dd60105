package io.threadwatch.rules;

import java.util.Objects;

/**
 * A change a window brought to a rule on one label set.
 *
 * @param type   fired (a new episode: the first, or again after clearing) or cleared
 * @param firing the firing as it stands after the window
 */
public record Transition(Type type, Firing firing) {

    /** What changed. */
    public enum Type {
        /** The conditions have now held for the rule's {@code for} windows: an episode starts. */
        FIRED,
        /** The conditions of a firing rule have not held for its {@code clear-after} windows: the episode ends. */
        CLEARED
    }

    public Transition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(firing, "firing");
    }
}
