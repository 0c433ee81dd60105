package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.source.JfrEventSettings;

/**
 * Translates one JFR event type into the neutral model. Implementations copy what the engine needs
 * and keep no reference to the {@link SourceEvent}, which a parser may reuse.
 */
public interface EventTranslator {

    /** The event type and the settings the analysis needs for it. */
    JfrEventSettings settings();

    /** Translates one event of {@link #settings()}'s type, passing zero or more events on. */
    void translate(SourceEvent event, TranslationContext context, EventSink sink);
}
