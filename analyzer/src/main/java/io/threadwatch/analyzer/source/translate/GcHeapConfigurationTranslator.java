package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.HeapConfigured;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/** {@code jdk.GCHeapConfiguration}: the maximum heap size, that heap growth and a full heap are judged against. */
final class GcHeapConfigurationTranslator implements EventTranslator {

    private static final String MAX_SIZE = "maxSize";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.GC_HEAP_CONFIGURATION).withPeriod("beginChunk");
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        sink.accept(new HeapConfigured(event.startTime(), Math.max(0, event.getLong(MAX_SIZE))));
    }
}
