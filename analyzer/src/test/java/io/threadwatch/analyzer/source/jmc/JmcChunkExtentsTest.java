package io.threadwatch.analyzer.source.jmc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The walk that decides how much of a stream JMC's parser is given, on hand-made chunk layouts. */
class JmcChunkExtentsTest {

    private static final long NO_LIMIT = Long.MAX_VALUE;

    @Test
    void twoWholeJdk8ChunksAreGivenWhole() throws IOException {
        byte[] chunk = format0Chunk(100, 40);
        JmcChunkExtents extents = walk(concat(chunk, chunk), NO_LIMIT);
        assertThat(extents).isEqualTo(new JmcChunkExtents(280, 2, ""));
    }

    @Test
    void bytesAfterTheLastChunkAreLeftOutAndCounted() throws IOException {
        byte[] chunk = format0Chunk(100, 40);
        JmcChunkExtents extents = walk(concat(chunk, new byte[] {1, 2, 3}), NO_LIMIT);
        assertThat(extents).isEqualTo(new JmcChunkExtents(140, 1, "bytes 140-142 (3 bytes) after chunk 1 are not a chunk"));
    }

    @Test
    void aJdk8ChunkWhoseMetadataRunsPastTheEndIsCut() throws IOException {
        byte[] chunk = format0Chunk(100, 40);
        byte[] cut = Arrays.copyOf(format0Chunk(100, 400), 120);
        JmcChunkExtents extents = walk(concat(chunk, cut), NO_LIMIT);
        assertThat(extents).isEqualTo(new JmcChunkExtents(140, 1, "chunk 2 (from byte 140) is cut short or damaged: "
                + "its metadata at byte 100 says it is 400 bytes long, and the data ends at byte 120"));
    }

    @Test
    void aLaterChunkSmallerThanItsHeaderIsDamagedAndWhatFollowsIsCounted() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(80);
        header.putInt(0x464c5200).putShort((short) 2).putShort((short) 1).putLong(20);
        JmcChunkExtents extents = walk(header.array(), NO_LIMIT);
        assertThat(extents).isEqualTo(new JmcChunkExtents(0, 0, "chunk 1 (from byte 0) is cut short or damaged: its "
                + "header gives a size of 20 bytes, outside 68-1789569699; the 64 bytes after it were not read"));
    }

    @Test
    void theWalkStopsOnceTheWholeChunksPassTheLimit() throws IOException {
        byte[] chunk = format0Chunk(100, 40);
        JmcChunkExtents extents = walk(concat(chunk, chunk, chunk), 150);
        assertThat(extents.bytes()).isEqualTo(280);
        assertThat(extents.chunks()).isEqualTo(2);
    }

    private static JmcChunkExtents walk(byte[] stream, long limit) throws IOException {
        return JmcChunkExtents.walk(new ByteArrayInputStream(stream), limit);
    }

    /** A JDK 7/8 chunk: magic, version 0.3, metadata offset, body, then metadata (length first). */
    private static byte[] format0Chunk(int metadataAt, int metadataLength) {
        ByteBuffer chunk = ByteBuffer.allocate(metadataAt + metadataLength);
        chunk.putInt(0x464c5200).putShort((short) 0).putShort((short) 3).putLong(metadataAt);
        chunk.putInt(metadataAt, metadataLength);
        return chunk.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
