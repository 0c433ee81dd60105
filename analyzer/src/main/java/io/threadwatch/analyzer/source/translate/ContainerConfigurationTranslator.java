package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.CpuCount;
import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/**
 * {@code jdk.ContainerConfiguration}: the container's effective CPU count. Emitted only when the
 * JVM considers itself containerized (jfr-reference §8).
 */
final class ContainerConfigurationTranslator implements EventTranslator {

    private static final String EFFECTIVE_CPU_COUNT = "effectiveCpuCount";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.CONTAINER_CONFIGURATION).withPeriod("beginChunk");
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        long cpus = event.getLong(EFFECTIVE_CPU_COUNT);
        if (cpus > 0 && cpus <= Integer.MAX_VALUE) {
            sink.accept(new CpuCount(event.startTime(), (int) cpus, CpuCount.Origin.CONTAINER));
        }
    }
}
