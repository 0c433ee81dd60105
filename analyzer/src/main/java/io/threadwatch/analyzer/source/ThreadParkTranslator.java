package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Event;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;

/** {@code jdk.ThreadPark}: every {@code java.util.concurrent} wait. */
final class ThreadParkTranslator implements EventTranslator {

    private static final String PARKED_CLASS = "parkedClass";
    private static final String TIMEOUT = "timeout";
    private static final String UNTIL = "until";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.THREAD_PARK).withStackTrace().withBlockingThreshold();
    }

    @Override
    public void translate(RecordedEvent event, TranslationContext context, Consumer<Event> sink) {
        // Not-set values are Long.MIN_VALUE, not 0 (jfr-reference §0.7): untimed park or no parkUntil.
        long timeoutNanos = event.getLong(TIMEOUT);
        long untilMillis = event.getLong(UNTIL);
        boolean timed = timeoutNanos > 0 || untilMillis > 0;
        sink.accept(new Blocked(event.getEndTime(), BlockingKind.PARK, TranslationContext.threadId(event.getThread()),
                event.getDuration().toNanos(), context.stack(event.getStackTrace()), timed,
                TranslationContext.className(event.getClass(PARKED_CLASS))));
    }
}
