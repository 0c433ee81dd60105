package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Frame;
import java.util.List;
import java.util.Objects;

/**
 * One thread of a thread dump.
 *
 * @param name       the thread name
 * @param threadId   the Java thread id ({@code #N} in the header)
 * @param daemon     whether it is a daemon thread
 * @param state      the {@code java.lang.Thread.State} line, e.g. {@code WAITING (parking)}; empty if absent
 * @param frames     the frames, top first
 * @param lines      the frame and lock lines as printed, without indentation, for evidence
 * @param blockedOn  the class of what it waits for or waits to lock, or the empty string
 * @param waitObject the address of what it waits for or waits to lock ({@code 0x...}), or the
 *                   empty string; valid within this dump only (objects move with GC)
 * @param locked     the addresses of the monitors and ownable synchronizers it holds
 */
record DumpedThread(String name, long threadId, boolean daemon, String state, List<Frame> frames, List<String> lines,
                    String blockedOn, String waitObject, List<String> locked) {

    DumpedThread {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        frames = List.copyOf(frames);
        lines = List.copyOf(lines);
        Objects.requireNonNull(blockedOn, "blockedOn");
        Objects.requireNonNull(waitObject, "waitObject");
        locked = List.copyOf(locked);
    }

    /** The state's first word: {@code RUNNABLE}, {@code BLOCKED}, {@code WAITING}, {@code TIMED_WAITING} or empty. */
    String stateName() {
        int space = state.indexOf(' ');
        return space < 0 ? state : state.substring(0, space);
    }

    /** Whether it is in {@code Thread.sleep}: a deliberate pause, not a wait for something. */
    boolean sleeping() {
        return state.endsWith("(sleeping)");
    }
}
