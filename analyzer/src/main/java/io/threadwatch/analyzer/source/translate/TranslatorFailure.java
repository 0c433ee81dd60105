package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;

/**
 * A failure inside a translator or the engine, as opposed to one in a parser or the recording's
 * bytes: a Threadwatch bug, which every source passes on rather than reporting a corrupt file.
 */
public final class TranslatorFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TranslatorFailure(String eventType, RuntimeException cause) {
        super("analysis failed on a " + eventType + " event: " + cause, cause);
    }

    /** Translates one event, naming its type when the translator or the sink throws. */
    public static void translate(EventTranslator translator, SourceEvent event, TranslationContext context,
                          EventSink sink) {
        try {
            translator.translate(event, context, sink);
        } catch (RuntimeException e) {
            throw new TranslatorFailure(translator.settings().eventName(), e);
        }
    }
}
