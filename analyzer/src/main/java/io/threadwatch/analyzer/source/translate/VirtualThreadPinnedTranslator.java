package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.Pinned;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/**
 * {@code jdk.VirtualThreadPinned} (JDK 21+): a virtual thread that blocked while pinned. JDK 24+
 * adds why it pinned and what it blocked in; on 21 those are empty.
 */
final class VirtualThreadPinnedTranslator implements EventTranslator {

    private static final String PINNED_REASON = "pinnedReason";
    private static final String BLOCKING_OPERATION = "blockingOperation";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.VIRTUAL_THREAD_PINNED).withStackTrace().withBlockingThreshold();
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        sink.accept(new Pinned(event.endTime(), ThreadRef.idOf(event.thread()),
                event.durationNanos(), event.stack(),
                event.optionalString(PINNED_REASON),
                event.optionalString(BLOCKING_OPERATION)));
    }
}
