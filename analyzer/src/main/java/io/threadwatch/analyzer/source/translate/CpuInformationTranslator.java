package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.CpuCount;
import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/** {@code jdk.CPUInformation}: the host's hardware threads, the last resort for "cores". */
final class CpuInformationTranslator implements EventTranslator {

    private static final String HW_THREADS = "hwThreads";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.CPU_INFORMATION).withPeriod("beginChunk");
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        int hwThreads = event.getInt(HW_THREADS);
        if (hwThreads > 0) {
            sink.accept(new CpuCount(event.startTime(), hwThreads, CpuCount.Origin.HARDWARE));
        }
    }
}
