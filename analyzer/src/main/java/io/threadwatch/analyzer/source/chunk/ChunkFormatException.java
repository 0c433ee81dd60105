package io.threadwatch.analyzer.source.chunk;

/** A chunk whose bytes do not follow the JFR format: the message says where and what. */
public final class ChunkFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public ChunkFormatException(String message) {
        super(message);
    }
}
