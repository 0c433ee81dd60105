package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.source.chunk.ChunkLayout;
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
public record ChunkHeader(long offset, long size, int major, int minor, Instant start, Duration duration, boolean finished) {

    /** Bytes in a chunk header. */
    public static final int SIZE = ChunkLayout.HEADER_SIZE;
    /** The magic at the start of every chunk: {@code FLR\0}. */
    public static final int MAGIC = ChunkLayout.MAGIC;

    /** Reads a header from a buffer positioned at a chunk start with at least {@link #SIZE} bytes. */
    static ChunkHeader read(ByteBuffer header, long offset) {
        int major = Short.toUnsignedInt(header.getShort(ChunkLayout.MAJOR_AT));
        int minor = Short.toUnsignedInt(header.getShort(ChunkLayout.MINOR_AT));
        long size = header.getLong(ChunkLayout.SIZE_AT);
        long startNanos = header.getLong(ChunkLayout.START_NANOS_AT);
        long durationNanos = header.getLong(ChunkLayout.DURATION_NANOS_AT);
        boolean finished = header.get(ChunkLayout.FILE_STATE_AT) == 0;
        return new ChunkHeader(offset, size, major, minor, Instant.ofEpochSecond(0, startNanos),
                Duration.ofNanos(Math.max(0, durationNanos)), finished);
    }

    /** The same chunk, copied to {@code newOffset} of another file. */
    ChunkHeader at(long newOffset) {
        return new ChunkHeader(newOffset, size, major, minor, start, duration, finished);
    }

    /** When the chunk ends. */
    public Instant end() {
        return start.plus(duration);
    }
}
