package io.threadwatch.analyzer.source;

/**
 * A recording that cannot be analyzed: missing, empty, not JFR, unreadable, too large once
 * decompressed, or without one complete chunk. The message is one line that names the file and
 * says why, fit to print as is.
 */
public final class RecordingException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean otherParserMayRead;

    public RecordingException(String message) {
        this(message, null, false);
    }

    public RecordingException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param otherParserMayRead whether the file is a recording this parser rejects, so that
     *                           another parser may still read it
     */
    public RecordingException(String message, Throwable cause, boolean otherParserMayRead) {
        super(message, cause);
        this.otherParserMayRead = otherParserMayRead;
    }

    /** Whether the file is a recording this parser rejects, as opposed to a missing, empty or non-JFR file. */
    public boolean otherParserMayRead() {
        return otherParserMayRead;
    }
}
