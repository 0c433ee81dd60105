package io.threadwatch.analyzer.event;

import java.time.Instant;

/**
 * Instants as {@code long} nanoseconds since the epoch, the form JFR itself writes times in (a
 * chunk's start is a {@code long} of epoch nanoseconds and events are ticks from it), so every
 * time a recording holds fits: from 1677 to 2262. Paths that run for every event keep times in
 * this form, which costs no object.
 */
public final class EpochNanos {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** The whole seconds that fit with any nanosecond part, on either side. */
    private static final long MIN_SECOND = Long.MIN_VALUE / NANOS_PER_SECOND + 1;
    private static final long MAX_SECOND = Long.MAX_VALUE / NANOS_PER_SECOND - 1;

    private EpochNanos() {
    }

    /** Whether {@code time} fits in a {@code long} of epoch nanoseconds. */
    public static boolean fits(Instant time) {
        long second = time.getEpochSecond();
        return second >= MIN_SECOND && second <= MAX_SECOND;
    }

    /** {@code time} in epoch nanoseconds; a time that does not {@link #fits} saturates to the nearest end. */
    public static long of(Instant time) {
        if (!fits(time)) {
            return time.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return time.getEpochSecond() * NANOS_PER_SECOND + time.getNano();
    }

    /** The instant of {@code epochNanos}. */
    public static Instant toInstant(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos);
    }
}
