package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/** {@code jdk.JavaMonitorEnter}: time spent blocked before entering a {@code synchronized} region. */
final class JavaMonitorEnterTranslator implements EventTranslator {

    private static final String MONITOR_CLASS = "monitorClass";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.JAVA_MONITOR_ENTER).withStackTrace().withBlockingThreshold();
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        // Entering a monitor has no timeout.
        Waits.pass(event, sink, BlockingKind.MONITOR_ENTER, event.durationNanos(), false, false,
                event.className(MONITOR_CLASS));
    }
}
