package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;
import java.util.function.Consumer;

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
    public void translate(SourceEvent event, TranslationContext context, Consumer<Event> sink) {
        // Not-set values are Long.MIN_VALUE, not 0 (jfr-reference §0.7): untimed park or no parkUntil.
        long timeoutNanos = event.getLong(TIMEOUT);
        long untilMillis = event.getLong(UNTIL);
        boolean timed = timeoutNanos > 0 || untilMillis > 0;
        long duration = event.durationNanos();
        boolean timedOut = timeoutNanos > 0 ? duration >= timeoutNanos
                : untilMillis > 0 && !event.endTime().isBefore(java.time.Instant.ofEpochMilli(untilMillis));
        sink.accept(new Blocked(event.endTime(), BlockingKind.PARK, ThreadRef.idOf(event.thread()),
                duration, event.stack(), timed, timedOut, event.className(PARKED_CLASS)));
    }
}
