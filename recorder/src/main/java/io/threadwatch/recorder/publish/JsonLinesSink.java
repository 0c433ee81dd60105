package io.threadwatch.recorder.publish;

import io.threadwatch.analyzer.report.Json;
import io.threadwatch.analyzer.report.LiveLine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes JSON Lines ({@code line-v1.schema.json}) to standard output or to a file. A file that
 * grows past its bound is renamed to {@code <name>.1} (replacing the previous one) and started
 * again, so the output never takes more than twice the bound. Used from one thread.
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
            return new JsonLinesSink(null, Long.MAX_VALUE, new NonClosing(System.out), 0);
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        long size = Files.exists(target) ? Files.size(target) : 0;
        return new JsonLinesSink(target, maxBytes, append(target), size);
    }

    /** Writes one line and flushes it, so a reader sees each window as soon as it closes. */
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

    /** Standard output belongs to the host: flush it, never close it. */
    private static final class NonClosing extends OutputStream {
        private final PrintStream target;

        NonClosing(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            target.write(b, off, len);
        }

        @Override
        public void flush() {
            target.flush();
        }
    }
}
