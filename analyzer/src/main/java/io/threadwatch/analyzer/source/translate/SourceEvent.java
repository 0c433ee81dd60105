package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EpochNanos;
import io.threadwatch.analyzer.event.Stack;
import java.time.Instant;

/**
 * One JFR event as translators read it: the common fields every event has, and its own fields
 * through {@link RecordFields}. Each parser implements this once, so translators are written once.
 */
public interface SourceEvent extends RecordFields {

    Instant startTime();

    Instant endTime();

    /** {@link #endEpochNanos()} for an end time no {@code long} of epoch nanoseconds holds. */
    long NOT_EPOCH_NANOS = Long.MIN_VALUE;

    /**
     * The end time in {@link EpochNanos}, as JFR writes times, so that a translator can pass the
     * time of a wait on without building an {@link Instant}; {@link #NOT_EPOCH_NANOS} when a
     * corrupt time is beyond what it holds, and then only {@link #endTime()} has it.
     */
    default long endEpochNanos() {
        Instant end = endTime();
        return EpochNanos.fits(end) ? EpochNanos.of(end) : NOT_EPOCH_NANOS;
    }

    /** End time minus start time, in nanoseconds. */
    long durationNanos();

    /** The {@code eventThread} field, or {@code null}. */
    default ThreadRef thread() {
        return thread("eventThread");
    }

    /** The interned stack of the {@code stackTrace} field; {@link Stack#EMPTY} for none. */
    Stack stack();
}
