package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.GcConfigured;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;

/** {@code jdk.GCConfiguration}: which collectors run, to name them in GC findings. */
final class GcConfigurationTranslator implements EventTranslator {

    private static final String YOUNG_COLLECTOR = "youngCollector";
    private static final String OLD_COLLECTOR = "oldCollector";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.GC_CONFIGURATION).withPeriod("everyChunk");
    }

    @Override
    public void translate(RecordedEvent event, TranslationContext context, Consumer<Event> sink) {
        sink.accept(new GcConfigured(event.getStartTime(), TranslationContext.optionalString(event, YOUNG_COLLECTOR),
                TranslationContext.optionalString(event, OLD_COLLECTOR)));
    }
}
