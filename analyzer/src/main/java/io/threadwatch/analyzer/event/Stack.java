package io.threadwatch.analyzer.event;

import java.util.List;

/**
 * An interned stack trace, innermost frame first. Obtain instances from {@link StackTable}: equal
 * stacks are then the same object, and events can share them at no cost.
 *
 * @param frames      the frames, top (innermost) first
 * @param truncated   whether the recorder cut the stack at its maximum depth
 * @param fingerprint a stable hash of the frames (hex), equal for equal frames in every run
 */
public record Stack(List<Frame> frames, boolean truncated, String fingerprint) {

    /** The stack of an event recorded without stack traces. */
    public static final Stack EMPTY = new Stack(List.of(), false, "0000000000000000");

    public Stack {
        frames = List.copyOf(frames);
    }

    /**
     * The fingerprint's hash: a record would hash every frame on every call, and stacks key the
     * per-site evidence maps that every blocking event updates.
     */
    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Stack stack && truncated == stack.truncated
                && fingerprint.equals(stack.fingerprint) && frames.equals(stack.frames);
    }

    /** Whether there are no frames. */
    public boolean isEmpty() {
        return frames.isEmpty();
    }
}
