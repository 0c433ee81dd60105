package io.threadwatch.analyzer.source.threadwatch;

import io.threadwatch.analyzer.source.ChunkHeader;
import io.threadwatch.analyzer.source.RecordingException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Where {@link ChunkFileSource} reads each chunk's bytes to: direct buffers reused from chunk to
 * chunk, or, for a chunk too big to copy, a read-only mapping of the file.
 *
 * <p>Why not map every chunk, as the parser first did: a mapping is released only when the garbage
 * collector finds its buffer unreachable, and a buffer that outlives a few young collections while
 * its chunk decodes is promoted and waits for an old-generation cycle, which a 256 MB heap seldom
 * runs. Meanwhile the pages of every chunk read so far stay in the process's resident set: on the
 * 1 GB bench file (75 chunks of 13 MB, JDK 25, {@code -Xmx256m}) 210 MB of the file was resident
 * and the peak RSS was 554-662 MB. Copied into buffers that go back to a pool once the chunk is
 * decoded, at most one chunk per decoding thread is resident. The copy costs a {@code pread} per
 * chunk, a few milliseconds for 13 MB from the page cache.
 *
 * <p>Why map the big ones still: direct buffers count against {@code -XX:MaxDirectMemorySize},
 * which is by default the heap's size, so a chunk bigger than {@link #COPIED_HEAP_FRACTION} of the
 * heap (one giant chunk, or a small {@code -Xmx}) is mapped, as before, and never pooled.
 *
 * <p>Safe to reuse because decoding copies out everything it keeps: {@code JfrChunk} decodes
 * strings, stacks and fields into objects of their own, and no event refers to the chunk's bytes.
 * Thread-safe: the decoding threads share one pool.
 */
final class ChunkBuffers {

    /** A chunk is copied when it is at most this share of the heap Java may use, else mapped. */
    static final double COPIED_HEAP_FRACTION = 1.0 / 8;

    /** What is done with a chunk's bytes; they are valid only until it returns. */
    @FunctionalInterface
    interface ChunkUse<T> {
        T apply(ByteBuffer bytes) throws RecordingException, IOException;
    }

    private final long largestCopied;
    private final Queue<ByteBuffer> spare = new ConcurrentLinkedQueue<>();

    /** Buffers that copy chunks of at most {@code largestCopied} bytes and map bigger ones. */
    ChunkBuffers(long largestCopied) {
        if (largestCopied < 0 || largestCopied > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a buffer holds 0 to " + Integer.MAX_VALUE + " bytes, not " + largestCopied);
        }
        this.largestCopied = largestCopied;
    }

    /** The buffers for a JVM whose heap may grow to {@code maxHeapBytes} ({@link Runtime#maxMemory()}). */
    static ChunkBuffers ofHeap(long maxHeapBytes) {
        // A buffer holds at most Integer.MAX_VALUE bytes, whatever the heap.
        return new ChunkBuffers(Math.min((long) (maxHeapBytes * COPIED_HEAP_FRACTION), Integer.MAX_VALUE));
    }

    /**
     * Reads the bytes of the chunk {@code header} locates in {@code channel} and hands them to
     * {@code use}; a copy's buffer goes back to the pool when {@code use} returns or throws.
     */
    <T> T withChunk(FileChannel channel, ChunkHeader header, ChunkUse<T> use) throws RecordingException, IOException {
        if (header.size() > largestCopied) {
            return use.apply(channel.map(FileChannel.MapMode.READ_ONLY, header.offset(), header.size()));
        }
        ByteBuffer buffer = take((int) header.size());
        try {
            read(channel, header, buffer);
            return use.apply(buffer);
        } finally {
            spare.add(buffer);
        }
    }

    /** A pooled buffer that holds {@code size} bytes, limited to them, or a new one. */
    private ByteBuffer take(int size) {
        ByteBuffer buffer = spare.poll();
        if (buffer == null || buffer.capacity() < size) {
            // A smaller spare is dropped, not kept beside the bigger one: chunks of one recording
            // are of similar sizes, so the pool holds one buffer per decoding thread.
            buffer = ByteBuffer.allocateDirect(size);
        }
        buffer.clear().limit(size);
        return buffer;
    }

    private static void read(FileChannel channel, ChunkHeader header, ByteBuffer buffer) throws IOException {
        long position = header.offset();
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new EOFException("the file ends inside the chunk at byte " + position + ", "
                        + (header.offset() + header.size() - position) + " bytes short of its end");
            }
            position += read;
        }
        buffer.flip();
    }

    /** How many buffers wait in the pool (for tests). */
    int spareCount() {
        return spare.size();
    }
}
