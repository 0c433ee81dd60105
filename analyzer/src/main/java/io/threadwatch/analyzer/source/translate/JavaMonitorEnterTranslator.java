package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;
import java.util.function.Consumer;

/** {@code jdk.JavaMonitorEnter}: time spent blocked before entering a {@code synchronized} region. */
final class JavaMonitorEnterTranslator implements EventTranslator {

    private static final String MONITOR_CLASS = "monitorClass";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.JAVA_MONITOR_ENTER).withStackTrace().withBlockingThreshold();
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, Consumer<Event> sink) {
        // Entering a monitor has no timeout.
        sink.accept(new Blocked(event.endTime(), BlockingKind.MONITOR_ENTER,
                ThreadRef.idOf(event.thread()), event.durationNanos(),
                event.stack(), false, false, event.className(MONITOR_CLASS)));
    }
}
