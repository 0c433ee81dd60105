package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.ThreadEnded;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;

/** {@code jdk.ThreadEnd}, paired with its start on the Java thread id. */
final class ThreadEndTranslator implements EventTranslator {

    private static final String THREAD = "thread";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.THREAD_END);
    }

    @Override
    public void translate(RecordedEvent event, TranslationContext context, Consumer<Event> sink) {
        long id = TranslationContext.threadId(event.getThread(THREAD));
        if (id > 0) {
            sink.accept(new ThreadEnded(event.getStartTime(), id));
        }
    }
}
