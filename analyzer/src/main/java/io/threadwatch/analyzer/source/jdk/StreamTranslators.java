package io.threadwatch.analyzer.source.jdk;

import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.translate.EventTranslator;
import io.threadwatch.analyzer.source.translate.SourceEvent;
import io.threadwatch.analyzer.source.translate.TranslationContext;
import io.threadwatch.analyzer.source.translate.Translators;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import jdk.jfr.EventType;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;

/** The translators, dispatched by event name on a JDK {@code EventStream}: a recording file's or a live one's. */
final class StreamTranslators {

    private StreamTranslators() {
    }

    /**
     * Registers every translator on a stream, so that the stream skips the event types none
     * reads, and keeps the context's event type names up to date from the stream's metadata.
     */
    static void register(EventStream stream, TranslationContext context, StackTable stacks,
                         BiConsumer<EventTranslator, SourceEvent> handler) {
        RecordedStacks recordedStacks = new RecordedStacks(stacks);
        stream.onMetadata(metadata -> {
            for (EventType type : metadata.getEventTypes()) {
                context.registerEventType(type.getId(), JfrEventNames.canonical(type.getName()));
            }
        });
        for (EventTranslator translator : Translators.all()) {
            Consumer<RecordedEvent> dispatch =
                    event -> handler.accept(translator, RecordedEventView.of(event, recordedStacks));
            String name = translator.settings().eventName();
            stream.onEvent(name, dispatch);
            // A JDK 9 or 10 recording names the same event com.oracle.jdk.* (JfrEventNames).
            stream.onEvent(JfrEventNames.jdk9Name(name), dispatch);
        }
    }
}
