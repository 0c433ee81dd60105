package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.ThreadSampled;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/**
 * {@code jdk.ExecutionSample}: who ran when. A thread caught running Java code is not stuck, which
 * bounds how long a thread seen blocked in a later dump can have been blocked. For a virtual
 * thread the stack is kept too: JFR records nothing when it parks, so its samples are often the
 * only evidence of where it was.
 */
final class ExecutionSampleTranslator implements EventTranslator {

    private static final String SAMPLED_THREAD = "sampledThread";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.EXECUTION_SAMPLE).withPeriod("20 ms");
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        ThreadRef thread = event.thread(SAMPLED_THREAD);
        long id = ThreadRef.idOf(thread);
        if (id > 0) {
            boolean virtual = thread.virtual();
            sink.accept(new ThreadSampled(event.startTime(), id, virtual,
                    virtual ? event.stack() : Stack.EMPTY));
        }
    }
}
