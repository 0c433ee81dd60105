package io.threadwatch.analyzer.source;

/**
 * A recording that cannot be analyzed: missing, empty, not JFR, unreadable, too large once
 * decompressed, or without one complete chunk. The message is one line that names the file and
 * says why, fit to print as is.
 */
public final class RecordingException extends Exception {

    private static final long serialVersionUID = 1L;

    public RecordingException(String message) {
        super(message);
    }

    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
