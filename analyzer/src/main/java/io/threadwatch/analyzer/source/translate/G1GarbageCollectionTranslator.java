package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.G1CollectionTyped;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/**
 * {@code jdk.G1GarbageCollection}: the type of each G1 young pause, to tell the mixed ones (which
 * also evacuate old regions) from young-only ones. Off in the JDK's {@code default} and
 * {@code profile} settings; without it every G1 pause counts as young-only.
 */
final class G1GarbageCollectionTranslator implements EventTranslator {

    private static final String GC_ID = "gcId";
    private static final String TYPE = "type";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.G1_GARBAGE_COLLECTION).with("threshold", "0 ms");
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        sink.accept(new G1CollectionTyped(event.endTime(), event.getLong(GC_ID), event.optionalString(TYPE)));
    }
}
