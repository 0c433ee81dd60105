package io.threadwatch.analyzer.source.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.TestRecordings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The record and constant-pool links of a real chunk, whole and with one link broken. */
class ChunkLinksTest {

    private static byte[] deadlockChunk() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                TestRecordings.recording("deadlock.default-jdk17.jfr.gz")))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aRecordedChunkLinksUp() throws IOException {
        assertThat(ChunkLinks.problem(ByteBuffer.wrap(deadlockChunk()))).isEmpty();
    }

    /** A varint size of 0 (one byte, high bit clear): JMC's reader stays on that record for ever. */
    @Test
    void aRecordOfSizeZeroBreaksTheChain() throws IOException {
        byte[] chunk = deadlockChunk();
        chunk[ChunkLayout.HEADER_SIZE] = 0;
        assertThat(ChunkLinks.problem(ByteBuffer.wrap(chunk))).hasValue("event at byte 68 has size 0");
    }

    @Test
    void aConstantPoolOffsetThatPointsAtAnEventIsNoCheckpoint() throws IOException {
        ByteBuffer chunk = ByteBuffer.wrap(deadlockChunk());
        chunk.putLong(ChunkLayout.CONSTANT_POOL_OFFSET_AT, chunk.getLong(ChunkLayout.METADATA_OFFSET_AT));
        assertThat(ChunkLinks.problem(chunk)).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("no checkpoint event at "));
    }

    @Test
    void aChunkLargerThanItsBytesIsRefusedBeforeAnyRecordIsRead() throws IOException {
        byte[] chunk = deadlockChunk();
        ByteBuffer cut = ByteBuffer.wrap(chunk, 0, 1000);
        assertThat(ChunkLinks.problem(cut)).hasValue("chunk size " + chunk.length + " outside 68..1000");
    }
}
