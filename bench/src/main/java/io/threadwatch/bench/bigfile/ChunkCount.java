package io.threadwatch.bench.bigfile;

import java.io.IOException;
import java.io.RandomAccessFile;

/**
 * Counts the chunks of a recording by walking the chunk headers (magic {@code FLR\0}, then the
 * chunk size at byte 8). Prints {@code chunks=N}.
 */
public final class ChunkCount {
    private static final int MAGIC = 0x464c5200; // "FLR\0"
    private static final int SIZE_OFFSET = 8;

    private ChunkCount() {
    }

    public static void main(String[] args) throws IOException {
        int chunks = 0;
        try (RandomAccessFile file = new RandomAccessFile(args[0], "r")) {
            long position = 0;
            while (position < file.length()) {
                file.seek(position);
                if (file.readInt() != MAGIC) {
                    throw new IOException("no chunk header at byte " + position);
                }
                file.seek(position + SIZE_OFFSET);
                long size = file.readLong();
                if (size <= 0) {
                    throw new IOException("bad chunk size " + size + " at byte " + position);
                }
                position += size;
                chunks++;
            }
        }
        System.out.println("chunks=" + chunks);
    }
}
