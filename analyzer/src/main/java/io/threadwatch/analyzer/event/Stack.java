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

    /** Whether there are no frames. */
    public boolean isEmpty() {
        return frames.isEmpty();
    }
}
