package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Event;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;

/** {@code jdk.ThreadSleep}; the requested time is not needed, the measured duration is. */
final class ThreadSleepTranslator implements EventTranslator {

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.THREAD_SLEEP).withStackTrace().withBlockingThreshold();
    }

    @Override
    public void translate(RecordedEvent event, TranslationContext context, Consumer<Event> sink) {
        sink.accept(new Blocked(event.getEndTime(), BlockingKind.SLEEP, TranslationContext.threadId(event.getThread()),
                event.getDuration().toNanos(), context.stack(event.getStackTrace()), true, ""));
    }
}
