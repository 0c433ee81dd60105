package io.threadwatch.recorder.publish;

import io.threadwatch.analyzer.report.Json;
import io.threadwatch.analyzer.report.LiveLine;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes JSON Lines ({@code line-v1.schema.json}) to standard output or to a file, one
 * {@code write} per line. A file that grows past its bound is renamed to {@code <name>.1}
 * (replacing the previous one) and started again, so the output never takes more than twice the
 * bound. Used from one thread.
 *
 * <p>Standard output is the process's file descriptor 1, written through a stream of our own, never
 * through {@code System.out}: a {@code PrintStream} locks itself for every write, and a host thread
 * holding that lock (a long {@code println} into a slow pipe) would stall our output thread. The
 * price: lines the host prints to {@code System.out} at the same moment may interleave with ours
 * (each of ours is one write), and a {@code System.setOut} redirection does not apply to them.
 */
public final class JsonLinesSink implements AutoCloseable {

    /** The target that means standard output. */
    public static final String STDOUT = "-";

    private final Path file;
    private final long maxBytes;
    private OutputStream out;
    private long written;

    private JsonLinesSink(Path file, long maxBytes, OutputStream out, long written) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.out = out;
        this.written = written;
    }

    /** A sink to {@code target}: {@code -} for standard output, else a file appended to. */
    public static JsonLinesSink open(Path target, long maxBytes) throws IOException {
        if (target.toString().equals(STDOUT)) {
            return new JsonLinesSink(null, Long.MAX_VALUE, new NonClosing(new FileOutputStream(FileDescriptor.out)), 0);
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        long size = Files.exists(target) ? Files.size(target) : 0;
        return new JsonLinesSink(target, maxBytes, append(target), size);
    }

    /** Writes one line in one write, unbuffered, so a reader sees each window as soon as it closes. */
    public void write(LiveLine line) throws IOException {
        byte[] bytes = (Json.line(line) + "\n").getBytes(StandardCharsets.UTF_8);
        if (file != null && written > 0 && written + bytes.length > maxBytes) {
            out.close();
            Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            out = append(file);
            written = 0;
        }
        out.write(bytes);
        out.flush();
        written += bytes.length;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static OutputStream append(Path file) throws IOException {
        return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Standard output belongs to the process: never close its descriptor. */
    private static final class NonClosing extends FilterOutputStream {

        NonClosing(OutputStream target) {
            super(target);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
            // File descriptor 1 stays open for the host; there is no buffer to flush.
        }
    }
}
