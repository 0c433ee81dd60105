package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.GarbageCollected;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

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
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        sink.accept(new GarbageCollected(event.endTime(), event.getLong(GC_ID),
                event.optionalString(NAME), event.optionalString(CAUSE),
                nanos(event.durationNanos(SUM_OF_PAUSES)), nanos(event.durationNanos(LONGEST_PAUSE))));
    }

    private static long nanos(long nanos) {
        return Math.max(0, nanos);
    }
}
