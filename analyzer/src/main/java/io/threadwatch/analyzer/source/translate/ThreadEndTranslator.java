package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.ThreadEnded;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/** {@code jdk.ThreadEnd}, paired with its start on the Java thread id. */
final class ThreadEndTranslator implements EventTranslator {

    private static final String THREAD = "thread";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.THREAD_END);
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        long id = ThreadRef.idOf(event.thread(THREAD));
        if (id > 0) {
            sink.accept(new ThreadEnded(event.startTime(), id));
        }
    }
}
