package io.threadwatch.analyzer.serve.store;

import java.util.Locale;

/** Where a recording is on its way from upload to report. */
public enum State {
    /** Stored, waiting for a worker. */
    QUEUED,
    /** A worker is analyzing it. */
    ANALYZING,
    /** Its report is stored. */
    DONE,
    /** It was refused (not JFR, too large decompressed, over its budget); the message says why. */
    FAILED;

    /** The lower-case name used in the API and the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state of an {@link #id()}. */
    public static State fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
