/**
 * The {@code jdk} parser: the JDK's {@code jdk.jfr.consumer} API, with one handler per event type a
 * translator reads, so the stream skips every other type.
 * {@link io.threadwatch.analyzer.source.jdk.JfrFileSource} replays recording files (one run of alike
 * chunks at a time, see {@code ChunkRuns});
 * {@link io.threadwatch.analyzer.source.jdk.JfrStreamSource} attaches the same translators to a live
 * {@code EventStream}, as the recorder does.
 *
 * <pre>{@code
 * RecordingStream stream = new RecordingStream();
 * JfrStreamSource.attach(stream, new StackTable(), engine::accept, (type, e) -> failures.increment());
 * stream.startAsync();
 * }</pre>
 *
 * <p>Null handling: the JDK's {@code null}s for absent values are passed on as
 * {@link io.threadwatch.analyzer.source.translate.RecordFields} describes; no {@code RecordedEvent}
 * is kept past its handler, since the stream may reuse it.
 */
package io.threadwatch.analyzer.source.jdk;
