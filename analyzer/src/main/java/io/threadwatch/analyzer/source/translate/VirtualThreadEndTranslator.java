package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.VirtualThreadEnded;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/** {@code jdk.VirtualThreadEnd} (JDK 21+), paired with its start on the Java thread id. */
final class VirtualThreadEndTranslator implements EventTranslator {

    private static final String JAVA_THREAD_ID = "javaThreadId";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.VIRTUAL_THREAD_END);
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        long id = event.getLong(JAVA_THREAD_ID);
        if (id > 0) {
            sink.accept(new VirtualThreadEnded(event.startTime(), id));
        }
    }
}
