package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.GcConfigured;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/** {@code jdk.GCConfiguration}: which collectors run, to name them in GC findings. */
final class GcConfigurationTranslator implements EventTranslator {

    private static final String YOUNG_COLLECTOR = "youngCollector";
    private static final String OLD_COLLECTOR = "oldCollector";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.GC_CONFIGURATION).withPeriod("everyChunk");
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        sink.accept(new GcConfigured(event.startTime(), event.optionalString(YOUNG_COLLECTOR),
                event.optionalString(OLD_COLLECTOR)));
    }
}
