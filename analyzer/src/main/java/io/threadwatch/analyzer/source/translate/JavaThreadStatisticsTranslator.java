package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.ThreadCount;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/** {@code jdk.JavaThreadStatistics}: the JVM's own live platform thread count, every second. */
final class JavaThreadStatisticsTranslator implements EventTranslator {

    private static final String ACTIVE_COUNT = "activeCount";
    private static final String DAEMON_COUNT = "daemonCount";
    private static final String ACCUMULATED_COUNT = "accumulatedCount";
    private static final String PEAK_COUNT = "peakCount";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.JAVA_THREAD_STATISTICS).withPeriod("1000 ms");
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        sink.accept(new ThreadCount(event.startTime(), event.getLong(ACTIVE_COUNT), event.getLong(DAEMON_COUNT),
                event.getLong(ACCUMULATED_COUNT), event.getLong(PEAK_COUNT)));
    }
}
