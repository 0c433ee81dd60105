package io.threadwatch.analyzer.source;

import java.util.List;

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

    /**
     * Threadwatch's parser skipped every chunk of a file as corrupt: another parser may read it.
     *
     * @param skipped why each chunk was skipped, in file order
     */
    public static RecordingException noChunkRead(String file, List<String> skipped) {
        return new RecordingException("'" + file + "': Threadwatch's parser cannot read any of its " + skipped.size()
                + (skipped.size() == 1 ? " chunk; " : " chunks; first: ") + skipped.get(0), null, true);
    }

    /** Whether the file is a recording this parser rejects, as opposed to a missing, empty or non-JFR file. */
    public boolean otherParserMayRead() {
        return otherParserMayRead;
    }
}
