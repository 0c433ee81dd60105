/**
 * Sources: the only package that reads JFR. It checks a recording file (gzip, chunk headers,
 * truncation, damage), reads it with a {@link io.threadwatch.analyzer.source.Parser} behind one
 * {@link io.threadwatch.analyzer.source.RecordingSource} interface: Threadwatch's own chunk decoder
 * ({@link io.threadwatch.analyzer.source.ChunkFileSource}, the default, on
 * {@link io.threadwatch.analyzer.source.chunk}), the JDK's {@code jdk.jfr.consumer} API
 * ({@link io.threadwatch.analyzer.source.JfrFileSource}) or JDK Mission Control's parser
 * ({@link io.threadwatch.analyzer.source.JmcFileSource}, also for JDK 7/8, zip and LZ4 files). Each
 * parser shows its events through {@link io.threadwatch.analyzer.source.SourceEvent}, so one small
 * translator per event type, written once for all three, turns them into the neutral
 * {@link io.threadwatch.analyzer.event.Event} model.
 *
 * <pre>{@code
 * try (RecordingFiles files = RecordingFiles.open(List.of(Path.of("app.jfr.gz")), RecordingLimits.DEFAULT)) {
 *     RecordingSource.of(Parser.THREADWATCH, files, new StackTable()).replay(engine::accept);
 * }
 * }</pre>
 *
 * <p>Each translator declares the JFR settings it needs ({@link JfrEventSettings}); the shipped
 * {@code threadwatch.jfc} is generated from those declarations by {@link JfcWriter}, so nothing is
 * listed twice. JFR event names appear only in {@link JfrEventNames}.
 *
 * <p>Null handling: JFR has {@code null} for absent threads, classes, stacks and strings, and
 * {@link io.threadwatch.analyzer.source.RecordFields} passes those on where it says so;
 * translators map them to {@code -1}, the empty string or
 * {@link io.threadwatch.analyzer.event.Stack#EMPTY}. Nothing leaves the package as {@code null}.
 */
package io.threadwatch.analyzer.source;
