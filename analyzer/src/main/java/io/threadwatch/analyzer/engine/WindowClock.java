package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.EpochNanos;
import io.threadwatch.rules.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts event time into consecutive windows from an origin. Offline, event time advances it: a
 * window closes when the first event at or after its end arrives. Nothing here reads the wall
 * clock. An event earlier than the open window (a late event) belongs to the open window.
 *
 * <p>Offline, the clock can be told which stretches the recording covers ({@link #recordedOnly}):
 * its chunks, which may lie months apart (two recordings concatenated, or a chunk with a wrong
 * clock). A window never reaches past the end of a covered stretch: the last one is cut there, and
 * events after that end (a chunk's last events may commit just after its header's end) still
 * belong to it. The stretch up to the next covered one is skipped as a whole, one {@link Step}
 * that costs nothing per window, and the windows start again where recording starts again, on
 * whole seconds. Without it (live), every stretch is covered.
 */
final class WindowClock {

    /**
     * What passing event time does, in time order: a window to close, or a stretch that was not
     * recorded and is skipped.
     *
     * @param window the window, or the skipped stretch
     * @param gap    whether it is a skipped stretch
     */
    record Step(Window window, boolean gap) {
    }

    private final Duration length;
    private List<Window> recorded = List.of();
    /** The index in {@link #recorded} of the stretch the open window lies in. */
    private int stretch;
    /** Where the open window's stretch ends; {@link Instant#MAX} when nothing bounds it. */
    private Instant stretchEnd = Instant.MAX;
    private Instant openStart;
    /** Kept, not derived per call: {@link #advanceTo} runs for every event. */
    private Instant openEnd;
    /** When the open window closes: its end, or for the last window of a stretch, the next stretch's start. */
    private Instant closeAt;
    /** {@link #closeAt} in {@link EpochNanos}, for the per-wait check that costs no object. */
    private long closeAtNanos;
    private boolean started;

    WindowClock(Instant origin, Duration length) {
        if (length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("window length must be positive, not " + length);
        }
        this.length = length;
        open(origin);
    }

    /**
     * Limits the windows to the stretches of event time the recording covers, sorted and apart
     * from each other; the first may start after the origin, not before it. Call before the first
     * {@link #advanceTo}.
     */
    void recordedOnly(List<Window> stretches) {
        if (started) {
            throw new IllegalStateException("the clock has already advanced");
        }
        for (int i = 1; i < stretches.size(); i++) {
            if (!stretches.get(i).start().isAfter(stretches.get(i - 1).end())) {
                throw new IllegalArgumentException("recorded stretches overlap or touch: " + stretches);
            }
        }
        if (!stretches.isEmpty() && stretches.get(0).start().isBefore(openStart)) {
            throw new IllegalArgumentException("the recording starts before the origin " + openStart);
        }
        this.recorded = List.copyOf(stretches);
        this.stretch = 0;
        this.stretchEnd = recorded.isEmpty() ? Instant.MAX : recorded.get(0).end();
        open(openStart);
    }

    /** As {@link #advanceTo(Instant)}, with the time in {@link EpochNanos}. */
    List<Step> advanceTo(long epochNanos) {
        if (epochNanos < closeAtNanos) {
            started = true;
            return List.of();
        }
        return advanceTo(EpochNanos.toInstant(epochNanos));
    }

    /** The windows that close, and the stretches skipped, because event time reached {@code time}; oldest first. */
    List<Step> advanceTo(Instant time) {
        started = true;
        if (time.isBefore(closeAt)) {
            return List.of();
        }
        List<Step> steps = new ArrayList<>();
        while (!time.isBefore(closeAt)) {
            steps.add(new Step(new Window(openStart, openEnd), false));
            if (openEnd.equals(stretchEnd)) {
                Instant gapStart = stretchEnd;
                Window next = recorded.get(++stretch);
                steps.add(new Step(new Window(gapStart, next.start()), true));
                stretchEnd = next.end();
                // On whole seconds, as the origin, but never back into the stretch before.
                open(later(next.start().truncatedTo(ChronoUnit.SECONDS), gapStart));
            } else {
                open(openEnd);
            }
        }
        return steps;
    }

    /**
     * Closes every window up to {@code end}: the full ones, then the open one cut at {@code end}
     * if it has started, but never past the end of the recorded stretch it lies in.
     */
    List<Step> finish(Instant end) {
        List<Step> steps = new ArrayList<>(advanceTo(end));
        if (end.isAfter(openStart)) {
            Instant cut = end.isBefore(openEnd) ? end : openEnd;
            steps.add(new Step(new Window(openStart, cut), false));
            openStart = end;
            openEnd = end.plus(length);
            closeAt = openEnd;
            closeAtNanos = EpochNanos.of(closeAt);
            stretchEnd = Instant.MAX;
        }
        return steps;
    }

    /** Opens the window that starts at {@code start}, cut at its stretch's end. */
    private void open(Instant start) {
        openStart = start;
        Instant full = start.plus(length);
        openEnd = full.isBefore(stretchEnd) ? full : stretchEnd;
        boolean lastOfStretch = openEnd.equals(stretchEnd);
        closeAt = !lastOfStretch ? openEnd
                : stretch + 1 < recorded.size() ? recorded.get(stretch + 1).start() : Instant.MAX;
        closeAtNanos = EpochNanos.of(closeAt);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
