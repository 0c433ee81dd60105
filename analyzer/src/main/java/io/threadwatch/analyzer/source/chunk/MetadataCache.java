package io.threadwatch.analyzer.source.chunk;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The types read from chunks' metadata events, by the events' content, so that the chunks of one
 * recording read their metadata once rather than once each.
 *
 * <p>Why: a JVM writes the whole metadata into every chunk, and it seldom changes within a recording.
 * On the 1 GB bench file (75 chunks) the per-chunk reading was a third of opening a chunk, and the
 * JIT spent 0.57 s compiling the reader for a method that ran 75 times. Two chunks share types only
 * when their metadata is the same byte for byte (after the event's own time fields), so a change
 * of metadata between chunks, or a chunk from another JVM, reads its own. The types are never
 * changed after reading, so the chunks decoding on several threads can share them. Thread-safe.
 */
public final class MetadataCache {

    /** Distinct metadata kept; a recording has one or a few, concatenated files a few more. */
    static final int MAX_ENTRIES = 16;

    private final Map<Content, Map<Long, TypeDescriptor>> byContent = new ConcurrentHashMap<>();

    /** The content of a metadata event: its string table and element tree, compared byte for byte. */
    private static final class Content {
        private final byte[] bytes;
        private final int hash;

        Content(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Content content && content.hash == hash && Arrays.equals(content.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The types of metadata with {@code content}: from an earlier chunk, or {@code read} and kept. */
    Map<Long, TypeDescriptor> types(byte[] content, Supplier<Map<Long, TypeDescriptor>> read) {
        Content key = new Content(content);
        Map<Long, TypeDescriptor> known = byContent.get(key);
        if (known != null) {
            return known;
        }
        // Misses are rare (one per distinct metadata): one at a time, so that two chunks decoding at
        // once read the same metadata once and the limit holds exactly.
        synchronized (byContent) {
            known = byContent.get(key);
            if (known != null) {
                return known;
            }
            Map<Long, TypeDescriptor> types = Collections.unmodifiableMap(read.get());
            if (byContent.size() < MAX_ENTRIES) {
                byContent.put(key, types);
            }
            return types;
        }
    }

    /** How many distinct metadata events are kept. */
    public int size() {
        return byContent.size();
    }
}
