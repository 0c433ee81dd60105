package io.threadwatch.analyzer.engine;

import io.threadwatch.rules.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts event time into consecutive windows from an origin. Offline, event time advances it: a
 * window closes when the first event at or after its end arrives. Nothing here reads the wall
 * clock. An event earlier than the open window (a late event) belongs to the open window.
 */
final class WindowClock {

    private final Duration length;
    private Instant openStart;
    /** Kept, not derived per call: {@link #advanceTo} runs for every event. */
    private Instant openEnd;

    WindowClock(Instant origin, Duration length) {
        if (length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("window length must be positive, not " + length);
        }
        this.length = length;
        this.openStart = origin;
        this.openEnd = origin.plus(length);
    }

    /** The windows that close because event time reached {@code time}, oldest first. */
    List<Window> advanceTo(Instant time) {
        if (time.isBefore(openEnd)) {
            return List.of();
        }
        List<Window> closed = new ArrayList<>();
        while (!time.isBefore(openEnd)) {
            closed.add(new Window(openStart, openEnd));
            openStart = openEnd;
            openEnd = openStart.plus(length);
        }
        return closed;
    }

    /**
     * Closes every window up to {@code end}: the full ones, then the open one cut at {@code end}
     * if it has started.
     */
    List<Window> finish(Instant end) {
        List<Window> closed = new ArrayList<>(advanceTo(end));
        if (end.isAfter(openStart)) {
            closed.add(new Window(openStart, end));
            openStart = end;
            openEnd = end.plus(length);
        }
        return closed;
    }
}
