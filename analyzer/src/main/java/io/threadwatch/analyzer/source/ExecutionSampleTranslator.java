package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.ThreadSampled;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;

/**
 * {@code jdk.ExecutionSample}: only who ran when. A thread caught running Java code is not stuck,
 * which bounds how long a thread seen blocked in a later dump can have been blocked.
 */
final class ExecutionSampleTranslator implements EventTranslator {

    private static final String SAMPLED_THREAD = "sampledThread";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.EXECUTION_SAMPLE).withPeriod("20 ms");
    }

    @Override
    public void translate(RecordedEvent event, TranslationContext context, Consumer<Event> sink) {
        long id = TranslationContext.threadId(event.getThread(SAMPLED_THREAD));
        if (id > 0) {
            sink.accept(new ThreadSampled(event.getStartTime(), id));
        }
    }
}
