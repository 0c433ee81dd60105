package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Frame;
import java.util.List;
import java.util.Objects;

/**
 * One thread of a thread dump.
 *
 * @param name        the thread name
 * @param threadId    the Java thread id ({@code #N} in the header)
 * @param daemon      whether it is a daemon thread
 * @param state       the {@code java.lang.Thread.State} line, e.g. {@code WAITING (parking)}; empty if absent
 * @param frames      the frames, top first
 * @param lines       the frame and lock lines as printed, without indentation, for evidence
 * @param blockedOn   the class of what it waits for or waits to lock, or the empty string
 */
record DumpedThread(String name, long threadId, boolean daemon, String state, List<Frame> frames, List<String> lines,
                    String blockedOn) {

    DumpedThread {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        frames = List.copyOf(frames);
        lines = List.copyOf(lines);
        Objects.requireNonNull(blockedOn, "blockedOn");
    }

    /** The state's first word: {@code RUNNABLE}, {@code BLOCKED}, {@code WAITING}, {@code TIMED_WAITING} or empty. */
    String stateName() {
        int space = state.indexOf(' ');
        return space < 0 ? state : state.substring(0, space);
    }
}
