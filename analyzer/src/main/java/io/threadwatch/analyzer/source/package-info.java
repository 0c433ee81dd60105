/**
 * Sources: the only package, with its subpackages, that reads JFR. It checks a recording file
 * (gzip, chunk headers, truncation, damage) and reads it with a {@link io.threadwatch.analyzer.source.Parser}
 * behind one {@link io.threadwatch.analyzer.source.RecordingSource} interface. This package holds what
 * every parser shares and is the one place that chooses a parser ({@link RecordingSource#of}); each
 * parser lives in a package of its own and knows no other:
 * <ul>
 *   <li>{@link io.threadwatch.analyzer.source.threadwatch}: Threadwatch's own chunk decoder, the default,
 *       on the format library {@link io.threadwatch.analyzer.source.chunk};</li>
 *   <li>{@link io.threadwatch.analyzer.source.jdk}: the JDK's {@code jdk.jfr.consumer} API, for files and
 *       for the recorder's live streams;</li>
 *   <li>{@link io.threadwatch.analyzer.source.jmc}: JDK Mission Control's parser, also for JDK 7/8, zip
 *       and LZ4 files.</li>
 * </ul>
 * Each parser shows its events through {@link io.threadwatch.analyzer.source.translate.SourceEvent}, so
 * one small translator per event type ({@link io.threadwatch.analyzer.source.translate}), written once
 * for all three and knowing none of them, turns them into the neutral
 * {@link io.threadwatch.analyzer.event.Event} model.
 *
 * <pre>{@code
 * try (RecordingFiles files = RecordingFiles.open(List.of(Path.of("app.jfr.gz")), RecordingLimits.DEFAULT)) {
 *     RecordingSource.of(Parser.THREADWATCH, files, new StackTable()).replay(engine);
 * }
 * }</pre>
 *
 * <p>Threadwatch's parser also replays one chunk at a time ({@link RecordingSource#chunkByChunk},
 * {@link ChunkReplay}), for partial analyses made apart and merged.
 *
 * <p>Each translator declares the JFR settings it needs ({@link JfrEventSettings}); the shipped
 * {@code threadwatch.jfc} is generated from those declarations by {@link JfcWriter}, so nothing is
 * listed twice. JFR event names appear only in {@link JfrEventNames}.
 *
 * <p>Some types here are public only for the parser packages: {@link RecordingFiles#inputs()},
 * {@link ChunkHeader}, {@link ProgressCounter} and {@link Varint}. Java has no narrower access that
 * reaches a subpackage.
 *
 * <p>Null handling: JFR has {@code null} for absent threads, classes, stacks and strings, and
 * {@link io.threadwatch.analyzer.source.translate.RecordFields} passes those on where it says so;
 * translators map them to {@code -1}, the empty string or
 * {@link io.threadwatch.analyzer.event.Stack#EMPTY}. Nothing leaves the package as {@code null}.
 */
package io.threadwatch.analyzer.source;
