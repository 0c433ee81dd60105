package io.threadwatch.analyzer.source.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.TestRecordings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Chunks share the types of their metadata only when it is the same byte for byte. */
class MetadataCacheTest {

    private static byte[] plain(String sample) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(TestRecordings.recording(sample)))) {
            return in.readAllBytes();
        }
    }

    /** Each chunk of a plain recording, by the size in its header. */
    private static List<ByteBuffer> chunks(byte[] file) {
        List<ByteBuffer> chunks = new ArrayList<>();
        ByteBuffer all = ByteBuffer.wrap(file);
        int position = 0;
        while (position < file.length) {
            int size = (int) all.getLong(position + ChunkLayout.SIZE_AT);
            chunks.add(ByteBuffer.wrap(file, position, size).slice());
            position += size;
        }
        return chunks;
    }

    private static Map<Long, String> namesById(JfrChunk chunk) {
        Map<Long, String> names = new HashMap<>();
        chunk.types().forEach((id, type) -> names.put(id, type.name()));
        return names;
    }

    @Test
    void theChunksOfAnHourLongRecordingReadTheirMetadataOnceAndGetTheTypesEachWouldRead() throws Exception {
        List<ByteBuffer> chunks = chunks(plain("steady-gateway.long60m-jdk25.jfr.gz"));
        MetadataCache cache = new MetadataCache();

        List<JfrChunk> shared = new ArrayList<>();
        for (ByteBuffer chunk : chunks) {
            shared.add(JfrChunk.open(chunk.duplicate(), cache));
        }

        assertThat(chunks).hasSize(9);
        assertThat(cache.size()).as("one metadata for the whole recording").isEqualTo(1);
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(shared.get(i).types()).isSameAs(shared.get(0).types());
            assertThat(namesById(shared.get(i))).as("chunk %d", i + 1)
                    .isEqualTo(namesById(JfrChunk.open(chunks.get(i).duplicate())));
        }
    }

    @Test
    void aChunkOfAnotherJdkReadsItsOwnMetadata() throws Exception {
        MetadataCache cache = new MetadataCache();
        JfrChunk jdk17 = JfrChunk.open(chunks(plain("hot-lock.default-jdk17.jfr.gz")).get(0), cache);
        JfrChunk jdk25 = JfrChunk.open(chunks(plain("hot-lock.threadwatch-jdk25.jfr.gz")).get(0), cache);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(jdk25.types()).isNotSameAs(jdk17.types());
        assertThat(namesById(jdk25)).isNotEqualTo(namesById(jdk17));
    }

    @Test
    void keepsAtMostItsLimitAndStillReadsTheRest() {
        MetadataCache cache = new MetadataCache();
        AtomicInteger reads = new AtomicInteger();
        for (int i = 0; i <= MetadataCache.MAX_ENTRIES; i++) {
            byte[] content = {(byte) i};
            cache.types(content, () -> {
                reads.incrementAndGet();
                return Map.of();
            });
        }
        byte[] beyond = {(byte) MetadataCache.MAX_ENTRIES};
        cache.types(beyond, () -> {
            reads.incrementAndGet();
            return Map.of();
        });
        cache.types(new byte[] {0}, () -> {
            reads.incrementAndGet();
            return Map.of();
        });

        assertThat(cache.size()).isEqualTo(MetadataCache.MAX_ENTRIES);
        assertThat(reads).as("the one over the limit read each time; a kept one not again")
                .hasValue(MetadataCache.MAX_ENTRIES + 2);
    }
}
