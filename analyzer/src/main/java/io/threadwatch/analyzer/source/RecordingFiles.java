package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.source.jmc.JmcChunkIndex;
import io.threadwatch.analyzer.source.threadwatch.JvmIdentity;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import io.threadwatch.rules.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The files of one recording, checked and made ready to parse: gzip-compressed files are inflated
 * to a temporary file, chunk headers are walked, and a file cut short is reduced to its complete
 * chunks, because the JDK's readers either throw on a partial chunk (and lose the last event
 * before it) or stop silently (jfr-reference §12).
 *
 * <p>Several files are analyzed as one recording in time order, e.g. the chunk files of a JVM's
 * repository. Temporary files are deleted on {@link #close()}.
 */
public final class RecordingFiles implements AutoCloseable {

    private static final int GZIP_MAGIC = 0x1f8b;
    /** A zip file's local header: {@code PK\3\4}. */
    private static final int ZIP_MAGIC = 0x504b0304;
    /** An LZ4 frame's magic number 0x184D2204, little-endian. */
    private static final int LZ4_MAGIC = 0x04224d18;

    /**
     * One input file, prepared.
     *
     * @param name       the file name as given (no directories)
     * @param bytes      the size of the file as given
     * @param parseable  the complete chunks as a plain JFR file (the input itself when possible)
     * @param chunks     the complete chunks, with their offsets in {@code parseable}
     * @param truncation why the file was cut, or the empty string when it is whole
     * @param jmcOnly    why only JMC's parser reads the file (then {@code parseable} is the file as
     *                   given, or inflated from gzip), or the empty string when every parser does
     */
    public record Input(String name, long bytes, Path parseable, List<ChunkHeader> chunks, String truncation,
                 String jmcOnly) {
    }

    /** Chunks further apart than this leave a stretch that was not recorded. */
    public static final Duration RECORDED_TOLERANCE = Duration.ofSeconds(1);

    private final List<Input> inputs;
    private final List<Path> temporaries;

    private RecordingFiles(List<Input> inputs, List<Path> temporaries) {
        this.inputs = inputs;
        this.temporaries = temporaries;
    }

    /**
     * Checks and prepares the files of one recording.
     *
     * @throws RecordingException when a file is missing, a directory, unreadable, empty, not JFR,
     *                            too large once decompressed, or has no complete chunk
     */
    public static RecordingFiles open(List<Path> files, RecordingLimits limits) throws RecordingException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no recording file given");
        }
        List<Input> inputs = new ArrayList<>();
        List<Path> temporaries = new ArrayList<>();
        try {
            for (Path file : files) {
                inputs.add(prepare(file, limits, temporaries));
            }
        } catch (RecordingException | RuntimeException e) {
            deleteAll(temporaries);
            throw e;
        }
        inputs.sort(Comparator.comparing(input -> input.chunks().get(0).start()));
        return new RecordingFiles(List.copyOf(inputs), temporaries);
    }

    /** The file names, in time order, joined with ", ". */
    public String name() {
        return String.join(", ", inputs.stream().map(Input::name).toList());
    }

    /** Bytes of the files as given. */
    public long bytes() {
        return inputs.stream().mapToLong(Input::bytes).sum();
    }

    /** Complete chunks over all files. */
    public int chunks() {
        return inputs.stream().mapToInt(input -> input.chunks().size()).sum();
    }

    /** Whether any file was cut short, so that part of it is not analyzed. */
    public boolean truncated() {
        return inputs.stream().anyMatch(input -> !input.truncation().isEmpty());
    }

    /** What was left out of each cut file, one line per file. */
    public List<String> truncations() {
        return inputs.stream().filter(input -> !input.truncation().isEmpty())
                .map(input -> input.name() + ": " + input.truncation()).toList();
    }

    /** When the earliest complete chunk starts (chunks of a file need not be in time order). */
    public Instant start() {
        return inputs.stream().flatMap(input -> input.chunks().stream()).map(ChunkHeader::start)
                .min(Comparator.naturalOrder()).orElseThrow();
    }

    /** When the last complete chunk ends. */
    public Instant end() {
        return inputs.stream().flatMap(input -> input.chunks().stream()).map(ChunkHeader::end)
                .max(Comparator.naturalOrder()).orElseThrow();
    }

    /**
     * The stretches of time the complete chunks cover, in time order. Chunks that overlap, touch
     * or lie less than {@link #RECORDED_TOLERANCE} apart form one stretch: consecutive chunks of
     * one recording follow each other within nanoseconds.
     */
    public List<Window> recorded() {
        List<ChunkHeader> chunks = new ArrayList<>();
        inputs.forEach(input -> chunks.addAll(input.chunks()));
        chunks.sort(Comparator.comparing(ChunkHeader::start));
        List<Window> stretches = new ArrayList<>();
        Instant from = null;
        Instant to = null;
        for (ChunkHeader chunk : chunks) {
            if (from != null && chunk.start().isAfter(to.plus(RECORDED_TOLERANCE))) {
                stretches.add(stretch(from, to));
                from = null;
            }
            if (from == null) {
                from = chunk.start();
                to = chunk.end();
            } else if (chunk.end().isAfter(to)) {
                to = chunk.end();
            }
        }
        stretches.add(stretch(from, to));
        return List.copyOf(stretches);
    }

    /** A stretch of at least a nanosecond: a chunk header may give a duration of 0. */
    private static Window stretch(Instant from, Instant to) {
        return new Window(from, to.isAfter(from) ? to : from.plusNanos(1));
    }

    public List<Input> inputs() {
        return inputs;
    }

    /**
     * Refuses files recorded by different JVMs: merging them would mix two processes' threads into
     * one timeline. The chunk files of one JVM's repository all name the same JVM. A file whose
     * JVM cannot be told cheaply (see {@link JvmIdentity#of}) is not held against the others.
     *
     * @throws RecordingException naming two of the files and what differs
     */
    public void requireOneJvm() throws RecordingException {
        if (inputs.size() < 2) {
            return;
        }
        Input firstInput = null;
        JvmIdentity first = null;
        for (Input input : inputs) {
            Optional<JvmIdentity> identity = JvmIdentity.of(input);
            if (identity.isEmpty()) {
                continue;
            }
            if (first == null) {
                firstInput = input;
                first = identity.get();
            } else if (!first.equals(identity.get())) {
                throw new RecordingException("'" + firstInput.name() + "' and '" + input.name()
                        + "' were recorded by different JVMs (" + first.describe() + "; " + identity.get().describe()
                        + "): several files are merged only when they are the chunk files of one JVM; analyze each "
                        + "on its own (analyze --each)");
            }
        }
    }

    /**
     * Refuses a recording with a file only JMC's parser reads (a JDK 7/8 recording, or a zip or LZ4
     * file) when another parser is to read it.
     *
     * @throws RecordingException naming the file and why, with {@link RecordingException#otherParserMayRead()}
     */
    public void requireReadableBy(Parser parser) throws RecordingException {
        if (parser == Parser.JMC) {
            return;
        }
        for (Input input : inputs) {
            if (!input.jmcOnly().isEmpty()) {
                throw new RecordingException("'" + input.name() + "' is " + input.jmcOnly() + ", which only the "
                        + Parser.JMC.id() + " parser reads (--parser " + Parser.JMC.id() + ")", null, true);
            }
        }
    }

    @Override
    public void close() {
        deleteAll(temporaries);
        temporaries.clear();
    }

    private static Input prepare(Path file, RecordingLimits limits, List<Path> temporaries) throws RecordingException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new RecordingException("'" + file + "' is a directory, not a recording file");
        }
        long bytes;
        int magic;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            bytes = channel.size();
            ByteBuffer head = ByteBuffer.allocate(4);
            while (head.hasRemaining() && channel.read(head) >= 0) {
                // fill the first four bytes, if the file has them
            }
            magic = head.position() == 4 ? head.getInt(0) : -1;
            if (head.position() == 0) {
                throw new RecordingException("'" + file + "' is empty");
            }
        } catch (NoSuchFileException e) {
            throw new RecordingException("'" + file + "': no such file");
        } catch (AccessDeniedException e) {
            throw new RecordingException("'" + file + "': permission denied");
        } catch (IOException e) {
            throw new RecordingException("'" + file + "': cannot read: " + e.getMessage());
        }
        if (magic == ZIP_MAGIC || magic == LZ4_MAGIC) {
            // JMC reads these itself, so nothing is written to disk for them.
            return jmcOnly(file, name, bytes, file, (magic == ZIP_MAGIC ? "zip" : "LZ4") + "-compressed", limits);
        }
        Path plain = file;
        String truncation = "";
        if ((magic >>> 16) == GZIP_MAGIC) {
            Path inflated = temporary(temporaries);
            truncation = inflate(file, inflated, limits);
            plain = inflated;
        }
        int major = formatMajor(plain);
        if (major == 0) {
            return jmcOnly(file, name, bytes, plain, "a JDK 7/8 recording (JFR format 0.x)", limits);
        }
        return walkChunks(file, name, bytes, plain, truncation, temporaries);
    }

    /** A file only JMC's parser reads, indexed by JMC, which the agent jar leaves out. */
    private static Input jmcOnly(Path file, String name, long bytes, Path parseable, String why, RecordingLimits limits)
            throws RecordingException {
        try {
            return JmcChunkIndex.read(file, name, bytes, parseable, why, limits);
        } catch (NoClassDefFoundError e) {
            throw new RecordingException("'" + file + "' is " + why + ", which only the jmc parser reads, and this "
                    + "build leaves it out (the agent jar); analyze with threadwatch.jar", e);
        }
    }

    /** The format major version of the first chunk, or -1 when the file does not start with one. */
    private static int formatMajor(Path plain) throws RecordingException {
        try (FileChannel channel = FileChannel.open(plain, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(6);
            while (head.hasRemaining() && channel.read(head) >= 0) {
                // fill the magic and the major version, if the file has them
            }
            return head.position() == 6 && head.getInt(0) == ChunkHeader.MAGIC ? Short.toUnsignedInt(head.getShort(4)) : -1;
        } catch (IOException e) {
            throw new RecordingException("'" + plain + "': cannot read: " + e.getMessage(), e);
        }
    }

    /** Inflates a gzip file; returns why it was cut short, or the empty string. */
    private static String inflate(Path file, Path target, RecordingLimits limits) throws RecordingException {
        long written = 0;
        String truncation = "";
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
             OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while (true) {
                try {
                    n = in.read(buffer);
                } catch (EOFException e) {
                    truncation = "the gzip stream ends early";
                    break;
                } catch (ZipException e) {
                    if (written == 0) {
                        throw new RecordingException("'" + file + "' is not a valid gzip file: " + e.getMessage());
                    }
                    truncation = "the gzip stream is corrupt after " + written + " bytes: " + e.getMessage();
                    break;
                }
                if (n < 0) {
                    break;
                }
                written += n;
                if (written > limits.maxDecompressedBytes()) {
                    throw new RecordingException("'" + file + "' expands to more than " + limits.maxDecompressedBytes()
                            + " bytes when decompressed; raise --max-decompressed-size to analyze it");
                }
                out.write(buffer, 0, n);
            }
        } catch (ZipException e) {
            throw new RecordingException("'" + file + "' is not a valid gzip file: " + e.getMessage());
        } catch (IOException e) {
            throw new RecordingException("'" + file + "': cannot decompress: " + e.getMessage(), e);
        }
        if (written == 0) {
            throw new RecordingException("'" + file + "' is empty once decompressed");
        }
        return truncation;
    }

    private static Input walkChunks(Path file, String name, long bytes, Path plain, String inflateTruncation,
                                    List<Path> temporaries) throws RecordingException {
        ChunkWalker.Walk walk;
        try (FileChannel channel = FileChannel.open(plain, StandardOpenOption.READ)) {
            walk = ChunkWalker.walk(channel, problem -> new RecordingException("'" + file + "' " + problem));
            String truncation = inflateTruncation;
            for (String skipped : walk.skipped()) {
                truncation = join(truncation, skipped);
            }
            if (walk.chunks().isEmpty()) {
                String why = walk.skipped().size() == 1 && walk.skipped().get(0).startsWith("cut inside")
                        ? "' is truncated inside its first chunk: no complete chunk to analyze ("
                        : "' has no complete chunk to analyze (";
                throw new RecordingException("'" + file + why + truncation + ")");
            }
            long kept = walk.chunks().stream().mapToLong(ChunkHeader::size).sum();
            if (kept == channel.size()) {
                return new Input(name, bytes, plain, walk.chunks(), truncation, "");
            }
            Path complete = temporary(temporaries);
            List<ChunkHeader> moved = copyChunks(channel, walk.chunks(), complete);
            return new Input(name, bytes, complete, moved, truncation, "");
        } catch (IOException e) {
            throw new RecordingException("'" + file + "': cannot read: " + e.getMessage(), e);
        }
    }

    /** Copies chunks, back to back, into {@code target}; returns them with their offsets there. */
    private static List<ChunkHeader> copyChunks(FileChannel from, List<ChunkHeader> chunks, Path target)
            throws IOException {
        List<ChunkHeader> moved = new ArrayList<>();
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
            for (ChunkHeader chunk : chunks) {
                moved.add(chunk.at(out.position()));
                long copied = 0;
                while (copied < chunk.size()) {
                    long n = from.transferTo(chunk.offset() + copied, chunk.size() - copied, out);
                    if (n <= 0) {
                        throw new IOException("the file became shorter while it was read");
                    }
                    copied += n;
                }
            }
        }
        return List.copyOf(moved);
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : first + "; " + second;
    }

    private static Path temporary(List<Path> temporaries) throws RecordingException {
        try {
            Path path = Files.createTempFile("threadwatch-", ".jfr");
            temporaries.add(path);
            return path;
        } catch (IOException e) {
            throw new RecordingException("cannot create a temporary file: " + e.getMessage(), e);
        }
    }

    private static void deleteAll(List<Path> paths) {
        for (Path path : paths) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // Left in the temp directory; nothing else depends on it.
                path.toFile().deleteOnExit();
            }
        }
    }
}
