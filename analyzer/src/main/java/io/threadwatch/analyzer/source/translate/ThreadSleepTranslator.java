package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/** {@code jdk.ThreadSleep}; the requested time is not needed, the measured duration is. */
final class ThreadSleepTranslator implements EventTranslator {

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.THREAD_SLEEP).withStackTrace().withBlockingThreshold();
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        Waits.pass(event, sink, BlockingKind.SLEEP, event.durationNanos(), true, true, "");
    }
}
