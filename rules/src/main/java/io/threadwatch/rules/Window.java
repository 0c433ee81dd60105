package io.threadwatch.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The span of event time one set of samples describes.
 *
 * @param start inclusive start
 * @param end   exclusive end, after {@code start}
 */
public record Window(Instant start, Instant end) {

    public Window {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window end " + end + " is not after its start " + start);
        }
    }

    /** The window's length. */
    public Duration length() {
        return Duration.between(start, end);
    }
}
