package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Event;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;

/** {@code jdk.JavaMonitorEnter}: time spent blocked before entering a {@code synchronized} region. */
final class JavaMonitorEnterTranslator implements EventTranslator {

    private static final String MONITOR_CLASS = "monitorClass";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.JAVA_MONITOR_ENTER).withStackTrace().withBlockingThreshold();
    }

    @Override
    public void translate(RecordedEvent event, TranslationContext context, Consumer<Event> sink) {
        // Entering a monitor has no timeout.
        sink.accept(new Blocked(event.getEndTime(), BlockingKind.MONITOR_ENTER,
                TranslationContext.threadId(event.getThread()), event.getDuration().toNanos(),
                context.stack(event.getStackTrace()), false, TranslationContext.className(event.getClass(MONITOR_CLASS))));
    }
}
