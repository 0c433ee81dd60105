package io.threadwatch.bench.bigfile;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads every byte of a file through a 1 MiB buffer and sums them: the I/O bound, with the same
 * JVM start-up as the other readers. Prints {@code bytes=N}.
 */
public final class RawRead {
    private RawRead() {
    }

    public static void main(String[] args) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        long bytes = 0;
        long sum = 0;
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ)) {
            int read;
            while ((read = channel.read(buffer)) >= 0) {
                buffer.flip();
                while (buffer.remaining() >= Long.BYTES) {
                    sum += buffer.getLong();
                }
                while (buffer.hasRemaining()) {
                    sum += buffer.get();
                }
                buffer.clear();
                bytes += read;
            }
        }
        System.out.println("bytes=" + bytes + " checksum=" + sum);
    }
}
