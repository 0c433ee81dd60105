package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.HeapAfterGc;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/** {@code jdk.GCHeapSummary}: only the "After GC" side, what survived each collection. */
final class GcHeapSummaryTranslator implements EventTranslator {

    private static final String GC_ID = "gcId";
    private static final String WHEN = "when";
    private static final String AFTER_GC = "After GC";
    private static final String HEAP_USED = "heapUsed";
    private static final String HEAP_SPACE = "heapSpace";
    private static final String COMMITTED_SIZE = "committedSize";
    /** The address range reserved for the heap: the most it can grow to. */
    private static final String RESERVED_SIZE = "reservedSize";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.GC_HEAP_SUMMARY);
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        if (AFTER_GC.equals(event.getString(WHEN))) {
            RecordFields heapSpace = event.struct(HEAP_SPACE);
            sink.accept(new HeapAfterGc(event.startTime(), event.getLong(GC_ID), event.getLong(HEAP_USED),
                    heapSpace == null ? 0 : heapSpace.getLong(COMMITTED_SIZE),
                    heapSpace == null ? 0 : heapSpace.getLong(RESERVED_SIZE)));
        }
    }
}
