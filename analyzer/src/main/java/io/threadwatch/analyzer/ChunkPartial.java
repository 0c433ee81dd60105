package io.threadwatch.analyzer;

import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.partial.PartialEncoder;
import io.threadwatch.analyzer.source.ChunkReplay;
import io.threadwatch.analyzer.source.Parser;
import io.threadwatch.analyzer.source.RecordingException;
import io.threadwatch.analyzer.source.RecordingFiles;
import io.threadwatch.analyzer.source.RecordingSource;
import io.threadwatch.rules.Window;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One chunk of a recording, read on its own and ready to ship: the first half of analyzing one
 * recording on several machines. Chunks are self-contained, so each partial can be made anywhere
 * the file is (a Spark executor, a thread), in any order; {@link PartialMerge} then takes them in
 * chunk order on one machine and gives the report {@link Analyzer#analyze} gives for the file with
 * Threadwatch's parser, byte for byte.
 *
 * <pre>{@code
 * // anywhere, one chunk at a time (ChunkPartial.open(file, options) counts them and reads several):
 * byte[] shipped = ChunkPartial.of(file, chunk, AnalysisOptions.defaults()).toBytes();
 * // on one machine, in chunk order:
 * PartialMerge merge = PartialMerge.start(AnalysisOptions.defaults());
 * for (byte[] bytes : partialsInChunkOrder) merge.add(ChunkPartial.fromBytes(bytes));
 * Report report = merge.finish();
 * }</pre>
 *
 * <p>What a partial holds today: the recording's shape (files, size, chunks, the time they cover)
 * and the chunk's translated events in a compact form, about 40% of the chunk's bytes on an
 * event-dense recording, so the merging machine does no JFR decoding; the analysis itself runs
 * when the partials are merged. Aggregating a chunk's waits before they ship is the next step
 * (README, "Many recordings on a cluster"). The bytes are for the same Threadwatch version only.
 */
public final class ChunkPartial {

    private static final byte[] MAGIC = {'T', 'W', 'C', 'P'};
    private static final int FORMAT = 1;
    /** What a Threadwatch version looks like ({@code 0.1.0-SNAPSHOT}, {@code 1.2.3+4}), to tell one from damage. */
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}");

    private final RecordingShape recording;
    private final int chunk;
    private final String skipped;
    private final int events;
    private final byte[] eventBytes;

    private ChunkPartial(RecordingShape recording, int chunk, String skipped, int events, byte[] eventBytes) {
        this.recording = recording;
        this.chunk = chunk;
        this.skipped = skipped;
        this.events = events;
        this.eventBytes = eventBytes;
    }

    /**
     * Reads chunk {@code chunk} (from 0) of a recording file, plain or gzip-compressed (which is
     * decompressed whole each time: split plain files). Partials are read with Threadwatch's parser;
     * of {@code options}, only the limits count here. To read several chunks of a file, {@link #open} it.
     *
     * @throws RecordingException       when the file cannot be analyzed, or only JMC's parser reads it
     * @throws IllegalArgumentException when the file has no such chunk, or the options name another parser
     */
    public static ChunkPartial of(Path file, int chunk, AnalysisOptions options) throws RecordingException {
        try (Chunks chunks = open(file, options)) {
            return chunks.read(chunk);
        }
    }

    /**
     * Opens a recording file to read its chunks' partials one by one, each when asked for, so that a
     * big file's partials need not all be in memory at once. Close it to delete the decompressed
     * copy of a gzip file.
     *
     * @throws RecordingException       when the file cannot be analyzed, or only JMC's parser reads it
     * @throws IllegalArgumentException when the options name another parser
     */
    public static Chunks open(Path file, AnalysisOptions options) throws RecordingException {
        if (options.parser().isPresent() && options.parser().get() != Parser.THREADWATCH) {
            throw new IllegalArgumentException("partials are read with the " + Parser.THREADWATCH.id()
                    + " parser, which reads a chunk on its own; the options name " + options.parser().get().id());
        }
        RecordingFiles files = RecordingFiles.open(List.of(file), options.limits());
        try {
            files.requireReadableBy(Parser.THREADWATCH);
        } catch (RecordingException e) {
            files.close();
            throw new RecordingException(e.getMessage() + "; partials cannot be made of it: analyze it whole", e);
        }
        return new Chunks(files);
    }

    /**
     * Whether a file holds a partial ({@link #toBytes} written to it), by its first bytes.
     *
     * @throws IOException when the file cannot be read
     */
    public static boolean isPartial(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }

    /** The chunks of one recording file, opened by {@link #open}. Not thread-safe. */
    public static final class Chunks implements AutoCloseable {

        private final RecordingFiles files;
        private final RecordingShape shape;
        private final ChunkReplay replay;

        private Chunks(RecordingFiles files) {
            this.files = files;
            this.shape = RecordingShape.of(files);
            this.replay = RecordingSource.chunkByChunk(files, new StackTable());
        }

        /** How many chunks the file has: the partials to make, numbered from 0. */
        public int count() {
            return shape.chunks();
        }

        /**
         * The partial of chunk {@code chunk}, from 0.
         *
         * @throws RecordingException       when the file cannot be read
         * @throws IllegalArgumentException when the file has no such chunk
         */
        public ChunkPartial read(int chunk) throws RecordingException {
            if (chunk < 0 || chunk >= shape.chunks()) {
                throw new IllegalArgumentException("'" + shape.name() + "' has " + shape.chunks()
                        + (shape.chunks() == 1 ? " chunk" : " chunks") + ", numbered from 0: there is no chunk " + chunk);
            }
            PartialEncoder encoder = new PartialEncoder();
            Optional<String> skipped = replay.replayChunk(chunk, encoder);
            return new ChunkPartial(shape, chunk, skipped.orElse(""), encoder.events(), encoder.finish());
        }

        @Override
        public void close() {
            files.close();
        }
    }

    /** This partial's chunk, from 0. */
    public int chunk() {
        return chunk;
    }

    /** How many chunks the recording has: the partials a merge needs. */
    public int chunks() {
        return recording.chunks();
    }

    /** The recording's file name. */
    public String recordingName() {
        return recording.name();
    }

    /** How many events of the chunk the analysis reads. */
    public int events() {
        return events;
    }

    /** Why the chunk was skipped (it is corrupt), or empty when it was read. */
    public Optional<String> skipped() {
        return skipped.isEmpty() ? Optional.empty() : Optional.of(skipped);
    }

    /** Whether {@code other} is a partial of the same recording: the same files, size, chunks and time span. */
    public boolean sameRecordingAs(ChunkPartial other) {
        return recording.equals(other.recording);
    }

    /** The recording, as messages name it: name, size, chunks and start. */
    public String describeRecording() {
        return recording.describe();
    }

    RecordingShape recording() {
        return recording;
    }

    byte[] eventBytes() {
        return eventBytes;
    }

    /** The partial as bytes, for {@link #fromBytes} on any machine with the same Threadwatch version. */
    public byte[] toBytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(eventBytes.length + 1024);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(MAGIC);
            out.writeByte(FORMAT);
            // A partial is read by the version that wrote it only: fromBytes checks this.
            writeString(out, Version.current());
            writeString(out, recording.name());
            out.writeLong(recording.bytes());
            out.writeInt(recording.chunks());
            writeInstant(out, recording.start());
            writeInstant(out, recording.end());
            out.writeInt(recording.recorded().size());
            for (Window stretch : recording.recorded()) {
                writeInstant(out, stretch.start());
                writeInstant(out, stretch.end());
            }
            out.writeInt(recording.truncations().size());
            for (String truncation : recording.truncations()) {
                writeString(out, truncation);
            }
            out.writeInt(chunk);
            writeString(out, skipped);
            out.writeInt(events);
            out.writeInt(eventBytes.length);
            out.write(eventBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return buffer.toByteArray();
    }

    /**
     * A partial from {@link #toBytes}.
     *
     * @throws IllegalArgumentException when the bytes are not a partial, are cut short, or come from
     *                                  another Threadwatch version; the message says which
     */
    public static ChunkPartial fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("not a Threadwatch chunk partial (it starts with "
                        + describe(magic) + ", not TWCP)");
            }
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("a chunk partial of format " + format + "; this Threadwatch reads "
                        + FORMAT);
            }
            String version = readString(in);
            if (!version.equals(Version.current())) {
                // Only a version is worth naming: damaged bytes here once made a message of 105 bytes of binary.
                throw new IllegalArgumentException(VERSION.matcher(version).matches()
                        ? "a chunk partial made by Threadwatch " + version + "; this is " + Version.current()
                                + ": make the partials and merge them with the same version"
                        : "a damaged chunk partial: its header holds no Threadwatch version");
            }
            String name = readLine(in, "recording's name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a damaged chunk partial: its recording has no name");
            }
            long size = in.readLong();
            int chunks = in.readInt();
            Instant start = readInstant(in);
            Instant end = readInstant(in);
            int stretches = count(in.readInt(), bytes.length);
            List<Window> recorded = new ArrayList<>(stretches);
            for (int i = 0; i < stretches; i++) {
                recorded.add(new Window(readInstant(in), readInstant(in)));
            }
            int truncationCount = count(in.readInt(), bytes.length);
            List<String> truncations = new ArrayList<>(truncationCount);
            for (int i = 0; i < truncationCount; i++) {
                truncations.add(readLine(in, "truncation"));
            }
            int chunk = in.readInt();
            if (chunks < 1 || chunk < 0 || chunk >= chunks) {
                throw new IllegalArgumentException("a chunk partial of chunk " + chunk + " of " + chunks);
            }
            String skipped = readLine(in, "skip message");
            int events = count(in.readInt(), Integer.MAX_VALUE);
            byte[] eventBytes = in.readNBytes(count(in.readInt(), bytes.length));
            if (in.available() > 0 || eventBytes.length == 0) {
                throw new IllegalArgumentException("a damaged chunk partial: its events take "
                        + (eventBytes.length == 0 ? "no bytes" : "fewer bytes than it holds"));
            }
            return new ChunkPartial(new RecordingShape(name, size, chunks, start, end, recorded, truncations), chunk,
                    skipped, events, eventBytes);
        } catch (EOFException e) {
            throw new IllegalArgumentException("a chunk partial cut short (" + bytes.length + " bytes)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory", e);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("a damaged chunk partial: " + e.getMessage(), e);
        }
    }

    private static int count(int value, int most) {
        if (value < 0 || value > most) {
            throw new IllegalArgumentException("a damaged chunk partial: a count of " + value);
        }
        return value;
    }

    private static String describe(byte[] magic) {
        StringBuilder hex = new StringBuilder();
        for (byte b : magic) {
            hex.append(String.format("%02x", b));
        }
        return magic.length == 0 ? "nothing" : "0x" + hex;
    }

    private static void writeString(DataOutputStream out, String string) throws IOException {
        byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IllegalArgumentException("a damaged chunk partial: a string of " + length + " bytes where "
                    + in.available() + " are left");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /**
     * A string that messages and reports print on one line (a file name, a message), as this class
     * writes them: a control character in one is damage.
     */
    private static String readLine(DataInputStream in, String what) throws IOException {
        String line = readString(in);
        if (line.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a damaged chunk partial: its " + what + " holds control characters");
        }
        return line;
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    @Override
    public String toString() {
        return "chunk " + chunk + " of " + recording.chunks() + " of '" + recording.name() + "', " + events
                + " events in " + eventBytes.length + " bytes" + (skipped.isEmpty() ? "" : " (skipped)");
    }
}
