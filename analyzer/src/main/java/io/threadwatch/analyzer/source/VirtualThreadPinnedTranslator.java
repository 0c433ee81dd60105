package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.Pinned;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;

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
    public void translate(RecordedEvent event, TranslationContext context, Consumer<Event> sink) {
        sink.accept(new Pinned(event.getEndTime(), TranslationContext.threadId(event.getThread()),
                event.getDuration().toNanos(), context.stack(event.getStackTrace()),
                TranslationContext.optionalString(event, PINNED_REASON),
                TranslationContext.optionalString(event, BLOCKING_OPERATION)));
    }
}
