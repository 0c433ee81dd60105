/**
 * The {@code threadwatch} parser, the default: {@link io.threadwatch.analyzer.source.threadwatch.ChunkFileSource}
 * decodes chunks with the format library {@link io.threadwatch.analyzer.source.chunk}, several at a time
 * (as many as two fifths of the heap hold, at least the one being delivered and one ahead: {@code DecodeBudget}),
 * translates only the event types a translator reads, and sorts each flush segment by end time as the
 * JDK's ordered stream does, so the engine sees the same sequence as with the {@code jdk} parser.
 * While a decoded chunk waits for its turn, its waits are kept in primitive columns rather than as
 * event objects, which the garbage collector would otherwise copy again and again.
 * {@link io.threadwatch.analyzer.source.threadwatch.JvmIdentity} reads, with the same decoder, which JVM
 * recorded a file.
 *
 * <pre>{@code
 * RecordingSource source = new ChunkFileSource(files, new StackTable(), 4);  // 4 decoder threads
 * source.replay(engine);
 * source.skipped();  // corrupt chunks left out, one line each
 * }</pre>
 *
 * <p>Null handling: nothing is {@code null} in or out; the event views pass JFR's absent values on
 * as {@link io.threadwatch.analyzer.source.translate.RecordFields} describes.
 */
package io.threadwatch.analyzer.source.threadwatch;
