package io.threadwatch.analyzer.source.chunk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Whether a chunk's records link up: each record's size leads to the next within the chunk, and
 * the chain of constant pools runs back from the header's offset. A reader that follows sizes and
 * links without checking them, as JMC's parser does (it loops on a record of size 0 or one that
 * points back), can be given a chunk only when they do. The checks are those {@link JfrChunk}
 * makes as it reads, without decoding anything.
 */
public final class ChunkLinks {

    private ChunkLinks() {
    }

    /**
     * What is wrong with the links of the JFR 1.x or 2.x chunk at the start of {@code bytes}, or
     * nothing when they hold.
     */
    public static Optional<String> problem(ByteBuffer bytes) {
        ByteBuffer chunk = bytes.slice().order(ByteOrder.BIG_ENDIAN);
        if (chunk.limit() < ChunkLayout.HEADER_SIZE || chunk.getInt(0) != ChunkLayout.MAGIC) {
            return Optional.of("no chunk header");
        }
        long size = chunk.getLong(ChunkLayout.SIZE_AT);
        if (size < ChunkLayout.HEADER_SIZE || size > chunk.limit()) {
            return Optional.of("chunk size " + size + " outside 68.." + chunk.limit());
        }
        chunk.limit((int) size);
        ChunkBytes in = new ChunkBytes(chunk, (chunk.get(ChunkLayout.FLAGS_AT) & ChunkLayout.COMPRESSED_INTEGERS) != 0);
        try {
            return records(in).or(() -> constantPools(in, chunk.getLong(ChunkLayout.CONSTANT_POOL_OFFSET_AT)));
        } catch (IndexOutOfBoundsException e) {
            return Optional.of("a record runs past the chunk's end: " + e.getMessage());
        }
    }

    private static Optional<String> records(ChunkBytes in) {
        int position = ChunkLayout.HEADER_SIZE;
        while (position < in.limit()) {
            in.position(position);
            int size = in.readInt();
            if (size <= 0 || size > in.limit() - position) {
                return Optional.of("event at byte " + position + " has size " + size);
            }
            position += size;
        }
        return Optional.empty();
    }

    /** The chain starts at the header's offset and each checkpoint points back to an earlier one, until 0. */
    private static Optional<String> constantPools(ChunkBytes in, long first) {
        if (first == 0) {
            return Optional.empty();
        }
        if (first < ChunkLayout.HEADER_SIZE || first >= in.limit()) {
            return Optional.of("constant pool offset " + first + " outside the chunk");
        }
        int position = (int) first;
        while (true) {
            in.position(position);
            in.readInt(); // size
            if (in.readLong() != ChunkLayout.CHECKPOINT_TYPE) {
                return Optional.of("no checkpoint event at " + position);
            }
            in.readLong(); // start time
            in.readLong(); // duration
            long delta = in.readLong();
            if (delta == 0) {
                return Optional.empty();
            }
            if (delta > 0 || position + delta < ChunkLayout.HEADER_SIZE) {
                return Optional.of("checkpoint at " + position + " points to " + (position + delta));
            }
            position += (int) delta;
        }
    }
}
