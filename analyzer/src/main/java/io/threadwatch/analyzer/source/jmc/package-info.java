/**
 * The {@code jmc} parser: JDK Mission Control's loader, which also reads JDK 7/8 recordings (format
 * 0.x) and zip- or LZ4-compressed files, but holds a file's events on the heap.
 * {@link io.threadwatch.analyzer.source.jmc.JmcFileSource} replays them through the same translators;
 * {@link io.threadwatch.analyzer.source.jmc.JmcChunkIndex} finds the chunks and time range of a file only
 * JMC reads, before any event. The agent jar leaves JMC out: these classes then fail to link, and
 * the callers turn that into a one-line refusal.
 *
 * <pre>{@code
 * RecordingSource source = new JmcFileSource(files, new StackTable(), ReadProgress.NONE);
 * source.replay(engine);
 * }</pre>
 *
 * <p>Null handling: JMC's absent values are passed on as
 * {@link io.threadwatch.analyzer.source.translate.RecordFields} describes; nothing else is {@code null}.
 */
package io.threadwatch.analyzer.source.jmc;
