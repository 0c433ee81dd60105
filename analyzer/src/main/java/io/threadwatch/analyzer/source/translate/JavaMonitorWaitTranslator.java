package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/** {@code jdk.JavaMonitorWait}: {@code Object.wait}, and joins of platform threads. */
final class JavaMonitorWaitTranslator implements EventTranslator {

    private static final String MONITOR_CLASS = "monitorClass";
    private static final String TIMEOUT = "timeout";
    private static final String TIMED_OUT = "timedOut";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.JAVA_MONITOR_WAIT).withStackTrace().withBlockingThreshold();
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        // Here 0 means "no timeout" (jfr-reference §0.7).
        boolean timed = event.getLong(TIMEOUT) > 0;
        Waits.pass(event, sink, BlockingKind.MONITOR_WAIT, event.durationNanos(), timed,
                timed && event.getBoolean(TIMED_OUT), event.className(MONITOR_CLASS));
    }
}
