package io.threadwatch.analyzer.source;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;

/**
 * The parts of a JFR chunk header (jfr-reference §12: 68 bytes, big-endian) the analysis uses.
 *
 * @param offset    where the chunk starts in its file
 * @param size      the chunk's size in bytes, header included
 * @param major     format major version (2 for JDK 11+ recordings, 1 for early ones)
 * @param minor     format minor version
 * @param start     when the chunk starts
 * @param duration  how long it covers
 * @param finished  whether the file state byte says the chunk is complete (0)
 */
record ChunkHeader(long offset, long size, int major, int minor, Instant start, Duration duration, boolean finished) {

    /** Bytes in a chunk header. */
    static final int SIZE = 68;
    /** The magic at the start of every chunk: {@code FLR\0}. */
    static final int MAGIC = 0x464c5200;

    /** Reads a header from a buffer positioned at a chunk start with at least {@link #SIZE} bytes. */
    static ChunkHeader read(ByteBuffer header, long offset) {
        int major = Short.toUnsignedInt(header.getShort(4));
        int minor = Short.toUnsignedInt(header.getShort(6));
        long size = header.getLong(8);
        long startNanos = header.getLong(32);
        long durationNanos = header.getLong(40);
        boolean finished = header.get(64) == 0;
        return new ChunkHeader(offset, size, major, minor, Instant.ofEpochSecond(0, startNanos),
                Duration.ofNanos(Math.max(0, durationNanos)), finished);
    }

    /** The same chunk, copied to {@code newOffset} of another file. */
    ChunkHeader at(long newOffset) {
        return new ChunkHeader(newOffset, size, major, minor, start, duration, finished);
    }

    /** When the chunk ends. */
    Instant end() {
        return start.plus(duration);
    }
}
