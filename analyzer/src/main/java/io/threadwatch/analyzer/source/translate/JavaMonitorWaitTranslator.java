package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;
import java.util.function.Consumer;

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
    public void translate(SourceEvent event, TranslationContext context, Consumer<Event> sink) {
        // Here 0 means "no timeout" (jfr-reference §0.7).
        boolean timed = event.getLong(TIMEOUT) > 0;
        sink.accept(new Blocked(event.endTime(), BlockingKind.MONITOR_WAIT,
                ThreadRef.idOf(event.thread()), event.durationNanos(),
                event.stack(), timed, timed && event.getBoolean(TIMED_OUT), event.className(MONITOR_CLASS)));
    }
}
