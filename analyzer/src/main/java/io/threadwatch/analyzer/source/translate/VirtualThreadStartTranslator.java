package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.VirtualThreadStarted;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/**
 * {@code jdk.VirtualThreadStart} (JDK 21+), off in the JDK's settings: one event per virtual
 * thread. Its stack shows only {@code VirtualThread.run}, never the creator (jfr-reference §0.2),
 * so the analysis records it without one.
 */
final class VirtualThreadStartTranslator implements EventTranslator {

    private static final String JAVA_THREAD_ID = "javaThreadId";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.VIRTUAL_THREAD_START).with("stackTrace", "false");
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        long id = event.getLong(JAVA_THREAD_ID);
        if (id > 0) {
            // The event's thread is the virtual thread itself (jfr-reference §6).
            ThreadRef thread = event.thread();
            String name = thread != null && thread.javaThreadId() == id ? thread.javaName() : "";
            sink.accept(new VirtualThreadStarted(event.startTime(), id, name));
        }
    }
}
