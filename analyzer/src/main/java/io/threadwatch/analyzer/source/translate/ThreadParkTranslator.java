package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;
import java.time.Instant;

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
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        // Not-set values are Long.MIN_VALUE, not 0 (jfr-reference §0.7): untimed park or no parkUntil.
        long timeoutNanos = event.getLong(TIMEOUT);
        long untilMillis = event.getLong(UNTIL);
        boolean timed = timeoutNanos > 0 || untilMillis > 0;
        long duration = event.durationNanos();
        boolean timedOut = timeoutNanos > 0 ? duration >= timeoutNanos : untilMillis > 0 && reached(event, untilMillis);
        Waits.pass(event, sink, BlockingKind.PARK, duration, timed, timedOut, event.className(PARKED_CLASS));
    }

    /** Whether the park ended at or after its deadline, {@code untilMillis} after the epoch. */
    private static boolean reached(SourceEvent event, long untilMillis) {
        long end = event.endEpochNanos();
        if (end == SourceEvent.NOT_EPOCH_NANOS) {
            return !event.endTime().isBefore(Instant.ofEpochMilli(untilMillis));
        }
        // The deadline is a whole millisecond: the end reached it when its own millisecond did.
        return Math.floorDiv(end, 1_000_000L) >= untilMillis;
    }
}
