/**
 * The translators: one small {@link io.threadwatch.analyzer.source.translate.EventTranslator} per JFR
 * event type, each declaring its settings, that copies what the engine needs from a
 * {@link io.threadwatch.analyzer.source.translate.SourceEvent} into the neutral
 * {@link io.threadwatch.analyzer.event.Event} model. They know no parser: every parser implements
 * {@code SourceEvent} and {@link io.threadwatch.analyzer.source.translate.RecordFields} once and
 * dispatches to {@link io.threadwatch.analyzer.source.translate.Translators#all()} by event name.
 *
 * <pre>{@code
 * TranslationContext context = new TranslationContext();  // one per replay, or per chunk
 * for (EventTranslator translator : Translators.all()) {
 *     byName.put(translator.settings().eventName(), translator);
 * }
 * // for each event the parser decodes:
 * TranslatorFailure.translate(byName.get(name), view, context, sink);
 * }</pre>
 *
 * <p>Null handling: {@code RecordFields} passes JFR's {@code null}s on where it says so; translators
 * map them to {@code -1}, the empty string or {@link io.threadwatch.analyzer.event.Stack#EMPTY}, and
 * never send {@code null} to the sink.
 */
package io.threadwatch.analyzer.source.translate;
