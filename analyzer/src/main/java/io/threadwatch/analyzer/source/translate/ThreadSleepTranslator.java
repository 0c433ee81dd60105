package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;
import java.util.function.Consumer;

/** {@code jdk.ThreadSleep}; the requested time is not needed, the measured duration is. */
final class ThreadSleepTranslator implements EventTranslator {

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.THREAD_SLEEP).withStackTrace().withBlockingThreshold();
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, Consumer<Event> sink) {
        sink.accept(new Blocked(event.endTime(), BlockingKind.SLEEP, ThreadRef.idOf(event.thread()),
                event.durationNanos(), event.stack(), true, true, ""));
    }
}
