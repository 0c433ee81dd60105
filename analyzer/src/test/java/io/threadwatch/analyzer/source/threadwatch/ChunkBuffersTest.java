package io.threadwatch.analyzer.source.threadwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.threadwatch.analyzer.source.ChunkHeader;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where chunks are read to: pooled copies for ordinary chunks, a mapping for those too big to copy. */
class ChunkBuffersTest {

    @TempDir
    Path dir;
    private Path file;
    private byte[] content;

    @BeforeEach
    void writeFile() throws IOException {
        content = new byte[64 * 1024];
        new Random(42).nextBytes(content);
        file = Files.write(dir.resolve("chunks.bin"), content);
    }

    private static ChunkHeader chunk(long offset, long size) {
        return new ChunkHeader(offset, size, 2, 1, Instant.EPOCH, Duration.ofSeconds(1), true);
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    @Test
    void copiesExactlyTheChunksBytesAndReusesOneBufferForTheNext() throws Exception {
        ChunkBuffers buffers = new ChunkBuffers(1 << 20);
        List<ByteBuffer> seen = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] first = buffers.withChunk(channel, chunk(1000, 30_000), bytes -> {
                seen.add(bytes);
                return bytesOf(bytes);
            });
            byte[] second = buffers.withChunk(channel, chunk(40_000, 20_000), bytes -> {
                seen.add(bytes);
                return bytesOf(bytes);
            });

            assertThat(first).isEqualTo(Arrays.copyOfRange(content, 1000, 31_000));
            assertThat(second).as("a smaller chunk in the same buffer sees only its own bytes")
                    .isEqualTo(Arrays.copyOfRange(content, 40_000, 60_000));
        }
        assertThat(seen.get(0).isDirect()).isTrue();
        assertThat(seen.get(1)).isSameAs(seen.get(0));
        assertThat(buffers.spareCount()).isEqualTo(1);
    }

    @Test
    void aBiggerChunkGetsABiggerBufferAndTheSmallerOneIsDropped() throws Exception {
        ChunkBuffers buffers = new ChunkBuffers(1 << 20);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer small = buffers.withChunk(channel, chunk(0, 1000), bytes -> bytes);
            byte[] big = buffers.withChunk(channel, chunk(2000, 50_000), bytes -> {
                assertThat(bytes).isNotSameAs(small);
                return bytesOf(bytes);
            });

            assertThat(big).isEqualTo(Arrays.copyOfRange(content, 2000, 52_000));
        }
        assertThat(buffers.spareCount()).isEqualTo(1);
    }

    @Test
    void mapsAChunkTooBigToCopyAndDoesNotPoolIt() throws Exception {
        ChunkBuffers buffers = new ChunkBuffers(10_000);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer mapped = buffers.withChunk(channel, chunk(5000, 40_000), bytes -> bytes);

            assertThat(mapped.isReadOnly()).as("a read-only mapping, not a copy").isTrue();
            assertThat(bytesOf(mapped)).isEqualTo(Arrays.copyOfRange(content, 5000, 45_000));
        }
        assertThat(buffers.spareCount()).isZero();
    }

    @Test
    void copiesADefaultChunkAndMapsAFortyMegabyteOneAtA256MegabyteHeap() throws Exception {
        ChunkBuffers buffers = ChunkBuffers.ofHeap(256L << 20);
        Path big = Files.write(dir.resolve("big.bin"), new byte[40 << 20]);
        try (FileChannel channel = FileChannel.open(big, StandardOpenOption.READ)) {
            assertThat(buffers.withChunk(channel, chunk(0, 12 << 20), ByteBuffer::isReadOnly)).isFalse();
            assertThat(buffers.withChunk(channel, chunk(0, 40 << 20), ByteBuffer::isReadOnly)).isTrue();
        }
    }

    @Test
    void aHugeHeapStillCopiesOnlyWhatOneBufferHolds() throws Exception {
        ChunkBuffers buffers = ChunkBuffers.ofHeap(64L << 30);
        // 64 GB / 8 would be 8 GB; a chunk over 2 GB must be mapped (and then refused by the mapping), not cast to int.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThatThrownBy(() -> buffers.withChunk(channel, chunk(0, 3L << 30), bytes -> bytes))
                    .as("the mapping's refusal, not a buffer of a negative capacity")
                    .hasMessageContaining("Integer.MAX_VALUE");
            assertThat(buffers.withChunk(channel, chunk(0, 100), ByteBuffer::isReadOnly)).isFalse();
        }
    }

    @Test
    void aFileThatEndsInsideTheChunkIsAnEofAndTheBufferGoesBack() throws Exception {
        ChunkBuffers buffers = new ChunkBuffers(1 << 20);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThatThrownBy(() -> buffers.withChunk(channel, chunk(60_000, 10_000), bytes -> bytes))
                    .isInstanceOf(EOFException.class)
                    .hasMessage("the file ends inside the chunk at byte 65536, 4464 bytes short of its end");
        }
        assertThat(buffers.spareCount()).isEqualTo(1);
    }

    @Test
    void theBufferGoesBackWhenTheDecodingFails() throws Exception {
        ChunkBuffers buffers = new ChunkBuffers(1 << 20);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThatThrownBy(() -> buffers.withChunk(channel, chunk(0, 100), bytes -> {
                throw new IllegalStateException("decoding failed");
            })).hasMessage("decoding failed");
        }
        assertThat(buffers.spareCount()).isEqualTo(1);
    }
}
