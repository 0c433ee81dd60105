package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.ThreadStarted;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/** {@code jdk.ThreadStart}: its stack is the creator's (the code that called {@code start()}). */
final class ThreadStartTranslator implements EventTranslator {

    private static final String THREAD = "thread";
    private static final String PARENT_THREAD = "parentThread";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.THREAD_START).withStackTrace();
    }

    @Override
    public void translate(RecordedEvent event, TranslationContext context, Consumer<Event> sink) {
        // One event with thread = N/A was seen on 17 (jfr-reference §3): nothing to track then.
        RecordedThread thread = event.getThread(THREAD);
        if (thread == null || thread.getJavaThreadId() <= 0) {
            return;
        }
        String name = thread.getJavaName() == null ? "" : thread.getJavaName();
        sink.accept(new ThreadStarted(event.getStartTime(), thread.getJavaThreadId(), name,
                TranslationContext.threadId(event.getThread(PARENT_THREAD)), context.stack(event.getStackTrace())));
    }
}
