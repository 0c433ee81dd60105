package io.threadwatch.analyzer.source.jmc;

import io.threadwatch.analyzer.source.ChunkHeader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;

/**
 * The bytes of some chunks of a stream, back to back: what JMC's parser is given. JMC believes
 * every header it meets (it allocates a chunk's declared size before reading it), so it is never
 * shown the bytes that the chunk walk left out: damage between chunks, a cut last chunk, bytes
 * after the last.
 */
final class WholeChunks extends InputStream {

    private final InputStream in;
    private final long[] starts;
    private final long[] ends;
    private int next;
    private long position;

    private WholeChunks(InputStream in, long[] starts, long[] ends) {
        this.in = in;
        this.starts = starts;
        this.ends = ends;
    }

    /** The given chunks of {@code in}, which starts at byte 0 of the file their offsets are in. */
    static InputStream of(InputStream in, List<ChunkHeader> chunks) {
        List<ChunkHeader> inOrder = chunks.stream().sorted(Comparator.comparingLong(ChunkHeader::offset)).toList();
        long[] starts = new long[inOrder.size()];
        long[] ends = new long[inOrder.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = inOrder.get(i).offset();
            ends[i] = starts[i] + inOrder.get(i).size();
        }
        return new WholeChunks(in, starts, ends);
    }

    /** The first {@code bytes} of {@code in}. */
    static InputStream first(InputStream in, long bytes) {
        return new WholeChunks(in, new long[] {0}, new long[] {bytes});
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : Byte.toUnsignedInt(one[0]);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (next < starts.length) {
            if (position < starts[next] && !passGap(starts[next] - position)) {
                return -1;
            }
            if (position < ends[next]) {
                int n = in.read(buffer, offset, (int) Math.min(length, ends[next] - position));
                if (n > 0) {
                    position += n;
                }
                return n;
            }
            next++;
        }
        return -1;
    }

    /** Reads past the bytes before the next chunk; false when the stream ends first. */
    private boolean passGap(long bytes) throws IOException {
        long passed = readPast(in, bytes);
        position += passed;
        return passed == bytes;
    }

    /**
     * Reads past up to {@code bytes} of {@code in}; returns how many there were. Reads, because a
     * file stream's {@code skip} passes its end without saying so.
     */
    static long readPast(InputStream in, long bytes) throws IOException {
        byte[] scratch = new byte[(int) Math.min(bytes, 1 << 16)];
        long passed = 0;
        while (passed < bytes) {
            int n = in.read(scratch, 0, (int) Math.min(scratch.length, bytes - passed));
            if (n < 0) {
                break;
            }
            passed += n;
        }
        return passed;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
