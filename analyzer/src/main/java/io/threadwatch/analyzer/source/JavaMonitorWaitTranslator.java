package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Event;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;

/** {@code jdk.JavaMonitorWait}: {@code Object.wait}, and joins of platform threads. */
final class JavaMonitorWaitTranslator implements EventTranslator {

    private static final String MONITOR_CLASS = "monitorClass";
    private static final String TIMEOUT = "timeout";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.JAVA_MONITOR_WAIT).withStackTrace().withBlockingThreshold();
    }

    @Override
    public void translate(RecordedEvent event, TranslationContext context, Consumer<Event> sink) {
        // Here 0 means "no timeout" (jfr-reference §0.7).
        boolean timed = event.getLong(TIMEOUT) > 0;
        sink.accept(new Blocked(event.getEndTime(), BlockingKind.MONITOR_WAIT,
                TranslationContext.threadId(event.getThread()), event.getDuration().toNanos(),
                context.stack(event.getStackTrace()), timed, TranslationContext.className(event.getClass(MONITOR_CLASS))));
    }
}
