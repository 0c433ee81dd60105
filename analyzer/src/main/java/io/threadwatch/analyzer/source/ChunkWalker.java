package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.source.chunk.ChunkLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the complete chunks of a plain JFR file and says, with byte offsets, what lies between
 * them that is not one: a header with an impossible size, a chunk cut short, bytes of anything
 * else. After a bad stretch it scans forward for the next {@code FLR\0} that starts a plausible
 * chunk, so one damaged chunk does not cost the ones after it; it only ever moves forward, so it
 * ends on any input.
 *
 * <p>A header is plausible when its version is one the JDK reads, its size fits the file, its
 * file state says finished and its two offsets land on a metadata event (type 0) and a constant
 * pool (type 1) inside the chunk. The offset check is what catches a chunk cut short and followed
 * by another one: its size then reaches into the next chunk, but its last constant pool, written
 * at its end (observed in every sample recording), is not where the header says.
 */
final class ChunkWalker {

    /** The most bytes of an event's size and type fields: two varints of at most 9 bytes. */
    private static final int EVENT_HEAD_BYTES = 2 * Varint.MAX_BYTES;
    private static final int SCAN_BLOCK_BYTES = 1 << 16;
    private static final String UNSUPPORTED =
            "uses JFR format %d.%d, which the JDK's reader does not support (JDK 7/8 recordings are 0.x)";

    /**
     * What the walk found.
     *
     * @param chunks  the plausible complete chunks, in file order, with their offsets in the file
     * @param skipped what was left out, one phrase each, in file order
     */
    record Walk(List<ChunkHeader> chunks, List<String> skipped) {
    }

    private enum Verdict { CHUNK, CUT, BAD, NO_HEADER }

    /**
     * What lies at one position: a chunk, the start of a chunk cut short, a bad header or no header.
     *
     * @param problem why it is no chunk, said of a stretch that another chunk follows
     * @param atEnd   why it is no chunk, said of the end of the file (for a cut chunk)
     */
    private record Look(Verdict verdict, ChunkHeader header, String problem, String atEnd) {
        Look(Verdict verdict, ChunkHeader header, String problem) {
            this(verdict, header, problem, problem);
        }
    }

    /** A stretch that is not a chunk, with the number of complete chunks before it. */
    private record Gap(long from, long to, int chunksBefore, String problem) {
    }

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer header = ByteBuffer.allocate(ChunkHeader.SIZE);
    private final ByteBuffer eventHead = ByteBuffer.allocate(EVENT_HEAD_BYTES);

    private ChunkWalker(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    /**
     * Walks a plain JFR file.
     *
     * @param refuse how to refuse the file when its first bytes are no chunk header the JDK reads
     */
    static Walk walk(FileChannel channel, Refusal refuse) throws IOException, RecordingException {
        return new ChunkWalker(channel).walk(refuse);
    }

    /** Builds the refusal of a file whose start is not a readable chunk header. */
    @FunctionalInterface
    interface Refusal {
        RecordingException because(String problem);
    }

    private Walk walk(Refusal refuse) throws IOException, RecordingException {
        List<ChunkHeader> chunks = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        String cut = "";
        long position = 0;
        while (position < size) {
            Look look = look(position, chunks.size() + 1);
            if (look.verdict() == Verdict.CHUNK) {
                chunks.add(look.header());
                position += look.header().size();
                continue;
            }
            if (position == 0 && look.verdict() == Verdict.NO_HEADER) {
                throw refuse.because("is not a JFR recording (no FLR magic at its start)");
            }
            if (position == 0 && look.header() != null && !readable(look.header())) {
                throw refuse.because(UNSUPPORTED.formatted(look.header().major(), look.header().minor()));
            }
            // Inside a chunk cut short, only a whole chunk ends it early: every flush copies the chunk's
            // header, unfinished, into the chunk (about one a second), and each copy looks like the
            // start of another chunk cut short.
            long next = nextHeader(position + 1, look.verdict() != Verdict.CUT);
            if (next >= 0) {
                gaps.add(new Gap(position, next, chunks.size(), look.problem()));
                position = next;
            } else if (look.verdict() == Verdict.CUT) {
                cut = look.atEnd();
                break;
            } else {
                gaps.add(new Gap(position, size, chunks.size(), look.problem()));
                break;
            }
        }
        List<String> skipped = new ArrayList<>();
        for (Gap gap : gaps) {
            skipped.add(describe(gap, chunks.size()));
        }
        if (!cut.isEmpty()) {
            skipped.add(cut);
        }
        return new Walk(List.copyOf(chunks), List.copyOf(skipped));
    }

    private static String describe(Gap gap, int chunks) {
        long bytes = gap.to() - gap.from();
        String where;
        if (gap.chunksBefore() == 0) {
            where = chunks == 0 ? "" : " before chunk 1";
        } else if (gap.chunksBefore() == chunks) {
            where = " after chunk " + chunks;
        } else {
            where = " between chunk " + gap.chunksBefore() + " and chunk " + (gap.chunksBefore() + 1);
        }
        return "bytes " + gap.from() + "-" + (gap.to() - 1) + " (" + bytes + " byte" + (bytes == 1 ? "" : "s") + ")"
                + where + " are not a chunk" + (gap.problem().isEmpty() ? "" : ": " + gap.problem());
    }

    /** Looks at what starts at {@code position}; {@code number} is the chunk number it would get. */
    private Look look(long position, int number) throws IOException {
        header.clear();
        int read = readFully(header, position);
        if (read < 4 || header.getInt(0) != ChunkHeader.MAGIC) {
            return new Look(Verdict.NO_HEADER, null, "");
        }
        if (read < ChunkHeader.SIZE) {
            return new Look(Verdict.CUT, null, "", "cut inside the header of chunk " + number + " (" + read + " of "
                    + ChunkHeader.SIZE + " bytes, from byte " + position + ")");
        }
        ChunkHeader chunk = ChunkHeader.read(header, position);
        String at = "the header at byte " + position;
        if (!readable(chunk)) {
            return new Look(Verdict.BAD, chunk, at + " " + UNSUPPORTED.formatted(chunk.major(), chunk.minor()));
        }
        if (chunk.size() < ChunkHeader.SIZE) {
            return new Look(Verdict.BAD, chunk, at + " gives a chunk size of " + chunk.size()
                    + " bytes, less than the header itself");
        }
        long available = size - position;
        if (chunk.size() > available) {
            return new Look(Verdict.CUT, chunk, "the chunk there is cut short (its header gives " + chunk.size()
                    + " bytes)", "cut inside chunk " + number + " (" + available + " of " + chunk.size()
                    + " bytes, from byte " + position + ")");
        }
        if (!chunk.finished()) {
            return new Look(Verdict.CUT, chunk, at + " marks its chunk unfinished (file state "
                    + Byte.toUnsignedInt(header.get(ChunkLayout.FILE_STATE_AT)) + ")", "cut inside chunk " + number + " (" + chunk.size()
                    + " bytes of an unfinished chunk, from byte " + position + ")");
        }
        if (!eventAt(chunk, header.getLong(ChunkLayout.METADATA_OFFSET_AT), ChunkLayout.METADATA_TYPE)) {
            return new Look(Verdict.BAD, chunk, at + " gives a metadata offset (" + header.getLong(ChunkLayout.METADATA_OFFSET_AT)
                    + ") where there is no metadata");
        }
        if (!eventAt(chunk, header.getLong(ChunkLayout.CONSTANT_POOL_OFFSET_AT), ChunkLayout.CHECKPOINT_TYPE)) {
            return new Look(Verdict.BAD, chunk, at + " gives a constant pool offset (" + header.getLong(ChunkLayout.CONSTANT_POOL_OFFSET_AT)
                    + ") where there is no constant pool; the chunk is cut short or overwritten");
        }
        return new Look(Verdict.CHUNK, chunk, "");
    }

    private static boolean readable(ChunkHeader chunk) {
        return chunk.major() == 1 || chunk.major() == 2;
    }

    /**
     * Whether an event of {@code type} whose size stays inside the chunk starts at
     * {@code offset} from the chunk's start. Only compressed integers (flag bit 0, set by every
     * JDK since 11) are checked; a chunk without them passes.
     */
    private boolean eventAt(ChunkHeader chunk, long offset, long type) throws IOException {
        if (offset < ChunkHeader.SIZE || offset >= chunk.size()) {
            return false;
        }
        if ((header.get(ChunkLayout.FLAGS_AT) & ChunkLayout.COMPRESSED_INTEGERS) == 0) {
            return true;
        }
        eventHead.clear();
        eventHead.limit((int) Math.min(EVENT_HEAD_BYTES, chunk.size() - offset));
        readFully(eventHead, chunk.offset() + offset);
        eventHead.flip();
        long eventSize = Varint.read(eventHead);
        long eventType = Varint.read(eventHead);
        return eventType == type && eventSize > 0 && eventSize <= chunk.size() - offset;
    }

    /**
     * The next position after {@code from} where a whole chunk starts, or also one cut short when
     * {@code orCut}; -1 when none does.
     */
    private long nextHeader(long from, boolean orCut) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(SCAN_BLOCK_BYTES);
        long blockStart = from;
        while (blockStart < size) {
            block.clear();
            int read = readFully(block, blockStart);
            for (int i = 0; i + 4 <= read; i++) {
                if (block.getInt(i) == ChunkHeader.MAGIC) {
                    Verdict verdict = look(blockStart + i, 0).verdict();
                    if (verdict == Verdict.CHUNK || orCut && verdict == Verdict.CUT) {
                        return blockStart + i;
                    }
                }
            }
            if (blockStart + read >= size) {
                return -1;
            }
            // The last 3 bytes come again at the next block's start, so a magic across the edge is seen.
            blockStart += read - 3;
        }
        return -1;
    }

    private int readFully(ByteBuffer buffer, long position) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
