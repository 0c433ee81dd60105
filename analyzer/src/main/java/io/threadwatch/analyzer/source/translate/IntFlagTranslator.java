package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.CpuCount;
import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/** {@code jdk.IntFlag}: only {@code -XX:ActiveProcessorCount}, which overrides every other CPU count. */
final class IntFlagTranslator implements EventTranslator {

    private static final String NAME = "name";
    private static final String VALUE = "value";
    private static final String ACTIVE_PROCESSOR_COUNT = "ActiveProcessorCount";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.INT_FLAG).withPeriod("beginChunk");
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        // -1 means "not set": the JVM then uses the container or host count.
        if (ACTIVE_PROCESSOR_COUNT.equals(event.getString(NAME)) && event.getInt(VALUE) > 0) {
            sink.accept(new CpuCount(event.startTime(), event.getInt(VALUE), CpuCount.Origin.FLAG));
        }
    }
}
