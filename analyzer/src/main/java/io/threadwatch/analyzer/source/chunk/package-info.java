/**
 * A decoder of the JFR chunk format (JDK 11+, format 1.x and 2.x), made to read only what an
 * analysis needs. {@link io.threadwatch.analyzer.source.chunk.JfrChunk#open} reads a chunk's header
 * and metadata and notes where each constant-pool entry is without decoding it;
 * {@link io.threadwatch.analyzer.source.chunk.JfrChunk#scan} decodes the events of the requested
 * types into reused {@link io.threadwatch.analyzer.source.chunk.DecodedObject}s and skips every other
 * event by its size; {@link io.threadwatch.analyzer.source.chunk.JfrChunk#resolve} decodes a pool
 * entry the first time something refers to it.
 *
 * <p>A chunk is self-contained, so chunks decode independently and in parallel; one
 * {@code JfrChunk} is used by one thread. Bytes that do not follow the format give a
 * {@link io.threadwatch.analyzer.source.chunk.ChunkFormatException}: counts and offsets are checked
 * against the chunk's size, nesting is bounded, and the checkpoint chain must run backwards, so
 * that no input makes it loop or allocate beyond the chunk's own size.
 *
 * <p>The layout follows the JDK's own reader ({@code jdk.jfr.internal.consumer}); the
 * {@code ChunkFileSourceTest} holds it to that reader's results on real recordings of JDK 17 and 25.
 */
package io.threadwatch.analyzer.source.chunk;
