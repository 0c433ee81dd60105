package io.threadwatch.rules;

import java.util.Objects;

/**
 * A change a window brought to a rule on one label set.
 *
 * @param type   fired (newly, or again after clearing) or cleared
 * @param firing the firing as it stands after the window
 */
public record Transition(Type type, Firing firing) {

    /** What changed. */
    public enum Type {
        /** The conditions have now held for the rule's {@code for} windows. */
        FIRED,
        /** The conditions of a firing rule stopped holding. */
        CLEARED
    }

    public Transition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(firing, "firing");
    }
}
