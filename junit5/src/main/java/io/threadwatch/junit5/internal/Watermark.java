package io.threadwatch.junit5.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A marker the guard commits and waits to read back: once it arrives, every event committed before
 * it (the test's thread starts) has been read too, as JfrUnit's {@code awaitEvents()} does.
 */
@Name(Watermark.NAME)
@Label("Threadwatch guard watermark")
@Category("Threadwatch")
@Description("Committed by the JUnit guard after a test; reading it back means the stream has caught up.")
@StackTrace(false)
public final class Watermark extends jdk.jfr.Event {

    /** The event type's name. */
    public static final String NAME = "io.threadwatch.junit5.Watermark";
    /** The field that carries the sequence number. */
    public static final String SEQUENCE = "sequence";

    @Label("Sequence")
    long sequence;

    Watermark(long sequence) {
        this.sequence = sequence;
    }
}
