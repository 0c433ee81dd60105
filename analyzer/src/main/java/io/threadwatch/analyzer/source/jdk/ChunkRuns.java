package io.threadwatch.analyzer.source.jdk;

import io.threadwatch.analyzer.source.ChunkHeader;
import io.threadwatch.analyzer.source.Varint;
import io.threadwatch.analyzer.source.chunk.ChunkLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits the chunks of a file into runs that the JDK's parser reads correctly as one file: a new
 * run starts wherever a chunk's metadata differs from the chunk before. The JDK's parser keeps
 * the previous chunk's metadata when the metadata id is unchanged, so a 17 chunk followed by a 25
 * chunk (both id 1) makes {@code EventStream} stop silently at the second (jfr-reference §12,
 * observed on 17 and 25). Reading every chunk on its own would avoid that too, but costs a
 * stream per chunk: on 60 chunks of 400 KB from 20 JVM runs (every chunk a run of its own), the
 * analysis took 7-8 s of CPU against 4-6 s as one file. Chunks of one JVM run share their
 * metadata (checked on a 17 recording rotated at 1 MB), so they stay one stream.
 *
 * <p>The metadata is compared by a SHA-256 of its bytes after its start time and duration,
 * which change in every chunk while the types stay the same.
 *
 * <p>A new run also starts where a chunk's clock does not follow on from the chunk before: its
 * start time and its start ticks, each converted with its own header, must move by the same
 * amount, as they do between chunks of one JVM run. With the previous chunk's decoders the JDK's
 * parser also keeps its tick-to-time conversion, so a chunk of another JVM run with the same
 * metadata, or one dated months later, was read with the wrong dates (observed on 17 and 25: the
 * JVMInformation of a chunk dated 22 months later came out one second after the first chunk's).
 */
final class ChunkRuns {

    /** Size, type id, start time and duration precede what the comparison reads. */
    private static final int SKIPPED_FIELDS = 4;
    private static final int BLOCK_BYTES = 1 << 16;
    /** How far the two clocks of consecutive chunks of one JVM run may disagree (NTP slews, rounding). */
    private static final long CLOCK_TOLERANCE_NANOS = 1_000_000_000L;
    private static final double NANOS_PER_SECOND = 1e9;

    private ChunkRuns() {
    }

    /** The chunks, in order, cut into runs of equal metadata; a chunk whose metadata cannot be read runs alone. */
    static List<List<ChunkHeader>> of(FileChannel channel, List<ChunkHeader> chunks) throws IOException {
        List<List<ChunkHeader>> runs = new ArrayList<>();
        List<ChunkHeader> run = new ArrayList<>();
        byte[] previous = null;
        ByteBuffer previousHeader = null;
        for (ChunkHeader chunk : chunks) {
            ByteBuffer header = ByteBuffer.allocate(ChunkHeader.SIZE);
            read(channel, header, chunk.offset());
            byte[] digest = header.hasRemaining() ? null : metadataDigest(channel, chunk, header);
            if (!run.isEmpty() && (digest == null || previous == null || !Arrays.equals(digest, previous)
                    || !clocksAgree(previousHeader, header))) {
                runs.add(List.copyOf(run));
                run.clear();
            }
            run.add(chunk);
            previous = digest;
            previousHeader = header;
        }
        runs.add(List.copyOf(run));
        return runs;
    }

    /** Whether the chunk of {@code next} starts where the ticks of {@code previous} say it should. */
    private static boolean clocksAgree(ByteBuffer previous, ByteBuffer next) {
        long previousRate = previous.getLong(ChunkLayout.TICKS_PER_SECOND_AT);
        long nextRate = next.getLong(ChunkLayout.TICKS_PER_SECOND_AT);
        if (previousRate <= 0 || previousRate != nextRate) {
            return false;
        }
        double byTicks = (next.getLong(ChunkLayout.START_TICKS_AT) - previous.getLong(ChunkLayout.START_TICKS_AT))
                * NANOS_PER_SECOND / previousRate;
        double byTime = next.getLong(ChunkLayout.START_NANOS_AT) - previous.getLong(ChunkLayout.START_NANOS_AT);
        return Math.abs(byTime - byTicks) <= CLOCK_TOLERANCE_NANOS;
    }

    private static byte[] metadataDigest(FileChannel channel, ChunkHeader chunk, ByteBuffer header) throws IOException {
        if ((header.get(ChunkLayout.FLAGS_AT) & ChunkLayout.COMPRESSED_INTEGERS) == 0) {
            return null;
        }
        long offset = header.getLong(ChunkLayout.METADATA_OFFSET_AT);
        if (offset < ChunkHeader.SIZE || offset >= chunk.size()) {
            return null;
        }
        ByteBuffer fields = ByteBuffer.allocate(SKIPPED_FIELDS * Varint.MAX_BYTES);
        fields.limit((int) Math.min(fields.capacity(), chunk.size() - offset));
        read(channel, fields, chunk.offset() + offset);
        fields.flip();
        long size = Varint.read(fields);
        for (int i = 1; i < SKIPPED_FIELDS; i++) {
            Varint.read(fields);
        }
        long from = offset + fields.position();
        long to = offset + size;
        if (size <= 0 || to > chunk.size() || from > to) {
            return null;
        }
        MessageDigest sha = sha256();
        ByteBuffer block = ByteBuffer.allocate(BLOCK_BYTES);
        for (long at = from; at < to; at += block.limit()) {
            block.clear();
            block.limit((int) Math.min(BLOCK_BYTES, to - at));
            read(channel, block, chunk.offset() + at);
            block.flip();
            if (!block.hasRemaining()) {
                return null;
            }
            sha.update(block);
        }
        return sha.digest();
    }

    private static void read(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                return;
            }
            at += n;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's Javadoc).
            throw new IllegalStateException(e);
        }
    }
}
