package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.ThreadStarted;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/** {@code jdk.ThreadStart}: its stack is the creator's (the code that called {@code start()}). */
final class ThreadStartTranslator implements EventTranslator {

    private static final String THREAD = "thread";
    private static final String PARENT_THREAD = "parentThread";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.THREAD_START).withStackTrace();
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        // One event with thread = N/A was seen on 17 (jfr-reference §3): nothing to track then.
        ThreadRef thread = event.thread(THREAD);
        if (thread == null || thread.javaThreadId() <= 0) {
            return;
        }
        sink.accept(new ThreadStarted(event.startTime(), thread.javaThreadId(), thread.javaName(),
                ThreadRef.idOf(event.thread(PARENT_THREAD)), event.stack()));
    }
}
