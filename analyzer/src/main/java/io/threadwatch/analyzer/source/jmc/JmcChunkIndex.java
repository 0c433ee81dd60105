package io.threadwatch.analyzer.source.jmc;

import io.threadwatch.analyzer.source.ChunkHeader;
import io.threadwatch.analyzer.source.RecordingException;
import io.threadwatch.analyzer.source.RecordingFiles;
import io.threadwatch.analyzer.source.RecordingLimits;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmc.common.io.IOToolkit;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.IRange;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.CouldNotLoadRecordingException;
import org.openjdk.jmc.flightrecorder.internal.ChunkInfo;
import org.openjdk.jmc.flightrecorder.internal.FlightRecordingLoader;

/**
 * The chunks of a file only JMC's parser reads, indexed through JMC: a zip or LZ4 file (which JMC
 * decompresses as it streams) or a JDK 7/8 recording, whose chunk headers hold no time range (JMC
 * reads it from the chunk's metadata). The analysis needs the range before any event, to lay out
 * its windows.
 *
 * <p>JMC is given only the whole chunks {@link JmcChunkExtents} finds, here and when it loads the
 * events ({@link #wholeChunks}); what follows them is the input's truncation.
 *
 * <p>Uses JMC's {@code internal} chunk index, the one JMC's own tools use; the JMC version is
 * pinned in the build.
 */
public final class JmcChunkIndex {

    private JmcChunkIndex() {
    }

    /**
     * Indexes {@code parseable}, the file as given or inflated from gzip.
     *
     * @param why why only JMC reads it, e.g. {@code zip-compressed}
     */
    public static RecordingFiles.Input read(Path file, String name, long bytes, Path parseable, String why,
                                     RecordingLimits limits) throws RecordingException {
        int major;
        int minor;
        try (DataInputStream in = new DataInputStream(uncompressed(parseable))) {
            if (in.readInt() != ChunkHeader.MAGIC) {
                throw new RecordingException("'" + file + "' is " + why + " but not a JFR recording (no FLR magic at "
                        + "its start)");
            }
            major = in.readUnsignedShort();
            minor = in.readUnsignedShort();
        } catch (EOFException e) {
            throw new RecordingException("'" + file + "' is " + why + " but too short to be a JFR recording", e);
        } catch (IOException | IllegalArgumentException e) {
            // JDK 17's zip reader throws IllegalArgumentException for an entry name that is not
            // UTF-8 (JDK 25's a ZipException): damage in the file either way.
            throw new RecordingException("'" + file + "' is " + why + " but cannot be read: " + e.getMessage(), e);
        }
        JmcChunkExtents extents;
        try (InputStream in = uncompressedBuffered(parseable)) {
            extents = JmcChunkExtents.walk(in, limits.maxDecompressedBytes());
        } catch (IOException | IllegalArgumentException e) {
            throw new RecordingException("'" + file + "' is " + why + " but cannot be read: " + e.getMessage(), e);
        }
        if (extents.bytes() > limits.maxDecompressedBytes()) {
            throw new RecordingException("'" + file + "' expands to more than " + limits.maxDecompressedBytes()
                    + " bytes when decompressed; raise --max-decompressed-size to analyze it");
        }
        if (extents.chunks() == 0) {
            throw new RecordingException("'" + file + "' is " + why + ", but holds no whole chunk: " + extents.cut());
        }
        List<ChunkInfo> infos;
        try (InputStream in = WholeChunks.first(uncompressed(parseable), extents.bytes())) {
            infos = FlightRecordingLoader.readChunkInfo(FlightRecordingLoader.createChunkSupplier(in));
        } catch (IOException | CouldNotLoadRecordingException | RuntimeException e) {
            throw new RecordingException("'" + file + "' is " + why + ", but JMC's parser cannot read its chunk "
                    + "headers: " + JmcLoader.oneLine(e), e, false);
        } catch (StackOverflowError e) {
            throw new RecordingException("'" + file + "' is " + why + ", but JMC's parser cannot read its chunk "
                    + "metadata: it nests without end (the parser ran out of stack)", e, false);
        } catch (OutOfMemoryError e) {
            // Found by fuzzing: a JDK 7/8 chunk's metadata holds counts that JMC's index allocates
            // arrays for before reading their elements. The failed array is all it held.
            throw new RecordingException("'" + file + "' is " + why + ", but JMC's parser ran out of memory reading "
                    + "its chunk metadata: a count in it is damaged, or the heap is too small; raise -Xmx to try "
                    + "again", e, false);
        }
        if (infos.isEmpty()) {
            throw new RecordingException("'" + file + "' is " + why + " and holds no chunk JMC's parser reads");
        }
        List<ChunkHeader> chunks = new ArrayList<>();
        for (ChunkInfo info : infos) {
            IRange<IQuantity> range = info.getChunkRange();
            long start = range.getStart().clampedLongValueIn(UnitLookup.EPOCH_NS);
            long end = range.getEnd().clampedLongValueIn(UnitLookup.EPOCH_NS);
            // The first chunk's version stands for all: JMC's index does not keep each chunk's.
            chunks.add(new ChunkHeader(info.getChunkPosistion(), info.getChunkSize(), major, minor,
                    Instant.ofEpochSecond(0, start), Duration.ofNanos(Math.max(0, end - start)), true));
        }
        return new RecordingFiles.Input(name, bytes, parseable, List.copyOf(chunks), extents.cut(), why);
    }

    /**
     * The uncompressed bytes of {@code chunks}, back to back: what JMC's parser is given when it
     * loads the events, so that it never meets the bytes the chunk walk left out.
     */
    static InputStream wholeChunks(Path parseable, List<ChunkHeader> chunks) throws IOException {
        return new BufferedInputStream(WholeChunks.of(uncompressed(parseable), chunks), 1 << 16);
    }

    /** The file's JFR bytes, decompressed when JMC would decompress them. */
    static InputStream uncompressedBuffered(Path parseable) throws IOException {
        return new BufferedInputStream(uncompressed(parseable), 1 << 16);
    }

    private static InputStream uncompressed(Path file) throws IOException {
        return IOToolkit.openUncompressedStream(file.toFile());
    }
}
