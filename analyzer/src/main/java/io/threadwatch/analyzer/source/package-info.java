/**
 * Sources: the only package that reads JFR. It checks a recording file (gzip, chunk headers,
 * truncation), reads it with a {@link io.threadwatch.analyzer.source.Parser}: the JDK's
 * {@code jdk.jfr.consumer} API ({@link io.threadwatch.analyzer.source.JfrFileSource}) or JDK
 * Mission Control's parser ({@link io.threadwatch.analyzer.source.JmcFileSource}, also for JDK 7/8,
 * zip and LZ4 files), and translates each event type it knows, with one small translator per type
 * written once for both, into the neutral {@link io.threadwatch.analyzer.event.Event} model.
 *
 * <pre>{@code
 * RecordingFiles files = RecordingFiles.open(List.of(Path.of("app.jfr.gz")), RecordingLimits.DEFAULT);
 * try (files) {
 *     new JfrFileSource(files).replay(event -> engine.accept(event));
 * }
 * }</pre>
 *
 * <p>Each translator declares the JFR settings it needs ({@link JfrEventSettings}); the shipped
 * {@code threadwatch.jfc} is generated from those declarations by {@link JfcWriter}, so nothing is
 * listed twice. JFR event names appear only in {@link JfrEventNames}.
 *
 * <p>Null handling: nothing here returns {@code null}. JFR itself returns {@code null} for absent
 * threads, classes and stacks; translators map those to {@code -1}, the empty string or
 * {@link io.threadwatch.analyzer.event.Stack#EMPTY}.
 */
package io.threadwatch.analyzer.source;
