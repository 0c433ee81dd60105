package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.GarbageCollected;
import java.time.Duration;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;

/** {@code jdk.GarbageCollection}: one per collection, with its pauses. */
final class GarbageCollectionTranslator implements EventTranslator {

    private static final String GC_ID = "gcId";
    private static final String NAME = "name";
    private static final String CAUSE = "cause";
    private static final String SUM_OF_PAUSES = "sumOfPauses";
    private static final String LONGEST_PAUSE = "longestPause";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.GARBAGE_COLLECTION).with("threshold", "0 ms");
    }

    @Override
    public void translate(RecordedEvent event, TranslationContext context, Consumer<Event> sink) {
        sink.accept(new GarbageCollected(event.getEndTime(), event.getLong(GC_ID),
                TranslationContext.optionalString(event, NAME), TranslationContext.optionalString(event, CAUSE),
                nanos(event.getDuration(SUM_OF_PAUSES)), nanos(event.getDuration(LONGEST_PAUSE))));
    }

    private static long nanos(Duration duration) {
        return duration.isNegative() ? 0 : duration.toNanos();
    }
}
