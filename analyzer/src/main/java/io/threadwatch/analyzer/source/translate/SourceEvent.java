package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.Stack;
import java.time.Instant;

/**
 * One JFR event as translators read it: the common fields every event has, and its own fields
 * through {@link RecordFields}. Each parser implements this once, so translators are written once.
 */
public interface SourceEvent extends RecordFields {

    Instant startTime();

    Instant endTime();

    /** End time minus start time, in nanoseconds. */
    long durationNanos();

    /** The {@code eventThread} field, or {@code null}. */
    default ThreadRef thread() {
        return thread("eventThread");
    }

    /** The interned stack of the {@code stackTrace} field; {@link Stack#EMPTY} for none. */
    Stack stack();
}
