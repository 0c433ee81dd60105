package io.threadwatch.analyzer.diff;

import io.threadwatch.analyzer.AnalysisOptions;
import io.threadwatch.analyzer.Analyzer;
import io.threadwatch.analyzer.engine.LiveThread;
import io.threadwatch.analyzer.engine.ThreadDumps;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.source.RecordingException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

/**
 * Reads one side of a diff. What a file is comes from its content, not its name: the JFR magic
 * ({@code FLR\0}) makes a recording, a JSON document with {@code threadDump} a JSON dump, and a
 * {@code "name" #id} thread header a {@code jstack} dump; any of them may be gzip-compressed.
 */
public final class Inputs {

    private static final byte[] JFR_MAGIC = {'F', 'L', 'R', 0};
    /** Largest thread dump read (a dump of 100,000 threads is some hundred MB of text). */
    static final long MAX_DUMP_BYTES = 512L * 1024 * 1024;

    private Inputs() {
    }

    /**
     * Reads {@code file}: a recording is analyzed with {@code options}.
     *
     * @throws InputException when it is missing, empty, unreadable, or neither a recording nor a dump
     */
    public static Snapshot read(Path file, AnalysisOptions options) throws InputException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] head;
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(name + ": is a directory, not a recording or a thread dump");
            }
            if (Files.size(file) == 0) {
                throw new InputException(name + ": empty file");
            }
            head = head(file, 4);
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": no such file");
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + e.getMessage());
        }
        if (Arrays.equals(head, JFR_MAGIC)) {
            return recording(file, name, options);
        }
        String text = text(file, name);
        String trimmed = text.stripLeading();
        if (trimmed.isEmpty()) {
            throw new InputException(name + ": empty" + (gzip(file) ? " after decompression" : " file"));
        }
        if (trimmed.startsWith("{")) {
            try {
                return new Snapshot(name, Snapshot.Kind.JSON_DUMP, JsonDumps.parse(text), null);
            } catch (InputException e) {
                throw new InputException(name + ": " + e.getMessage());
            }
        }
        if (ThreadDumps.looksLikeText(text)) {
            return new Snapshot(name, Snapshot.Kind.TEXT_DUMP, ThreadDumps.parseText(text), null);
        }
        throw new InputException(name + ": neither a JFR recording nor a thread dump (jstack text, jcmd Thread.print, "
                + "or jcmd Thread.dump_to_file -format=json)");
    }

    private static Snapshot recording(Path file, String name, AnalysisOptions options) throws InputException {
        AtomicReference<List<LiveThread>> live = new AtomicReference<>(List.of());
        try {
            Report report = Analyzer.analyzeWithLiveThreads(List.of(file), options, live::set);
            return new Snapshot(name, Snapshot.Kind.RECORDING, live.get(), report);
        } catch (RecordingException e) {
            throw new InputException(e.getMessage());
        }
    }

    /** The first {@code n} bytes of the file's content, decompressed if it is gzip. */
    private static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = open(file)) {
            return in.readNBytes(n);
        }
    }

    private static String text(Path file, String name) throws InputException {
        try (InputStream in = open(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(MAX_DUMP_BYTES + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > MAX_DUMP_BYTES) {
                throw new InputException(name + ": larger than " + (MAX_DUMP_BYTES >> 20) + " MB: not read as a thread dump");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + e.getMessage());
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == 0x1f && second == 0x8b) {
            return new GZIPInputStream(in);
        }
        return in;
    }

    private static boolean gzip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (IOException e) {
            return false;
        }
    }
}
