package io.threadwatch.analyzer.source.jmc;

import io.threadwatch.analyzer.source.ChunkHeader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * How many bytes at the start of a stream JMC's parser can be given: the whole chunks there, each
 * found from the extent its header declares, and why the walk stopped before the end, if it did.
 *
 * <p>JMC's parser believes a header's sizes: it allocates one array of 1.2 times a chunk's declared
 * size (for a JDK 7/8 chunk, up to its metadata) before it reads a byte of it, so a damaged size
 * near 2 GB in a file of a few KB fails the JVM's allocation itself ("Requested array size exceeds
 * VM limit", an {@link OutOfMemoryError}), and one of hundreds of MB takes the heap. Its index
 * also refuses a whole file for a cut last chunk or bytes after the chunks. So the chunks are
 * walked here first, and JMC is given only the bytes of the whole ones.
 *
 * @param bytes  where the last whole chunk ends, in the uncompressed stream
 * @param chunks how many whole chunks come before it
 * @param cut    what follows them and was left out, or the empty string when nothing does
 */
record JmcChunkExtents(long bytes, int chunks, String cut) {

    /** The magic, the version and a size (or, in format 0.x, the metadata's offset): what every header starts with. */
    private static final int HEADER_START = 16;
    /**
     * The largest chunk JMC can hold: it keeps a chunk in one array of 1.2 times its size, and an
     * array holds at most {@code Integer.MAX_VALUE - 8} bytes on HotSpot.
     */
    static final long MAX_CHUNK = (long) ((Integer.MAX_VALUE - 8) / 1.2);

    /**
     * Walks {@code in}, an uncompressed JFR stream, to its end, or until more than {@code maxBytes}
     * of whole chunks are found (the caller refuses such a file, so the walk need not go on). Bytes
     * left out are counted up to {@code maxBytes} too.
     */
    static JmcChunkExtents walk(InputStream in, long maxBytes) throws IOException {
        byte[] header = new byte[HEADER_START];
        ByteBuffer fields = ByteBuffer.wrap(header);
        long start = 0;
        int chunks = 0;
        while (start <= maxBytes) {
            int read = in.readNBytes(header, 0, header.length);
            if (read == 0) {
                return new JmcChunkExtents(start, chunks, "");
            }
            String number = "chunk " + (chunks + 1) + " (from byte " + start + ")";
            if (read < header.length || fields.getInt(0) != ChunkHeader.MAGIC) {
                long end = start + read + WholeChunks.readPast(in, maxBytes);
                return new JmcChunkExtents(start, chunks, "bytes " + start + "-" + (end - 1) + " (" + (end - start)
                        + " bytes)" + (chunks == 0 ? "" : " after chunk " + chunks) + " are not a chunk");
            }
            Extent extent = Short.toUnsignedInt(fields.getShort(4)) == 0
                    ? format0(in, fields.getLong(8))
                    : later(in, fields.getLong(8));
            if (extent.problem != null) {
                long after = WholeChunks.readPast(in, maxBytes);
                return new JmcChunkExtents(start, chunks, number + " is cut short or damaged: " + extent.problem
                        + (after == 0 ? "" : "; the " + after + " bytes after it were not read"));
            }
            start += extent.size;
            chunks++;
        }
        return new JmcChunkExtents(start, chunks, "");
    }

    /** A chunk's size, or why it has none; read past when it has one. */
    private record Extent(long size, String problem) {

        static Extent whole(long size) {
            return new Extent(size, null);
        }

        static Extent broken(String problem) {
            return new Extent(-1, problem);
        }
    }

    /**
     * A JDK 7/8 chunk, with {@code in} after the first 16 bytes. Its header gives only where its
     * metadata starts; the metadata's first four bytes give its length, and the chunk ends with it.
     */
    private static Extent format0(InputStream in, long metadataAt) throws IOException {
        if (metadataAt < HEADER_START || metadataAt > MAX_CHUNK) {
            return Extent.broken("its header puts its metadata at byte " + metadataAt + ", outside 16-" + MAX_CHUNK);
        }
        long toMetadata = metadataAt - HEADER_START;
        long skipped = WholeChunks.readPast(in, toMetadata);
        if (skipped < toMetadata) {
            return Extent.broken("its header puts its metadata at byte " + metadataAt + ", and the data ends at byte "
                    + (HEADER_START + skipped));
        }
        byte[] length = new byte[Integer.BYTES];
        if (in.readNBytes(length, 0, length.length) < length.length) {
            return Extent.broken("the data ends inside its metadata's length, at byte " + metadataAt);
        }
        int metadataLength = ByteBuffer.wrap(length).getInt();
        long size = metadataAt + metadataLength;
        if (metadataLength < Integer.BYTES || size > MAX_CHUNK) {
            return Extent.broken("its metadata at byte " + metadataAt + " says it is " + metadataLength + " bytes long");
        }
        long rest = metadataLength - Integer.BYTES;
        long read = WholeChunks.readPast(in, rest);
        if (read < rest) {
            return Extent.broken("its metadata at byte " + metadataAt + " says it is " + metadataLength
                    + " bytes long, and the data ends at byte " + (metadataAt + Integer.BYTES + read));
        }
        return Extent.whole(size);
    }

    /** A chunk of format 1 or later (JDK 9+), with {@code in} after the first 16 bytes: its header gives its size. */
    private static Extent later(InputStream in, long size) throws IOException {
        if (size < ChunkHeader.SIZE || size > MAX_CHUNK) {
            return Extent.broken("its header gives a size of " + size + " bytes, outside " + ChunkHeader.SIZE + "-"
                    + MAX_CHUNK);
        }
        long rest = size - HEADER_START;
        long read = WholeChunks.readPast(in, rest);
        if (read < rest) {
            return Extent.broken("its header gives a size of " + size + " bytes, and the data ends after "
                    + (HEADER_START + read));
        }
        return Extent.whole(size);
    }
}
