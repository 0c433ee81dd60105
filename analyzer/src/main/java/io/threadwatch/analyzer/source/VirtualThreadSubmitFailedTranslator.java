package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.SubmitFailed;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;

/** {@code jdk.VirtualThreadSubmitFailed} (JDK 21+): the scheduler refused a virtual thread's task. */
final class VirtualThreadSubmitFailedTranslator implements EventTranslator {

    private static final String JAVA_THREAD_ID = "javaThreadId";
    private static final String EXCEPTION_MESSAGE = "exceptionMessage";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.VIRTUAL_THREAD_SUBMIT_FAILED).withStackTrace();
    }

    @Override
    public void translate(RecordedEvent event, TranslationContext context, Consumer<Event> sink) {
        sink.accept(new SubmitFailed(event.getStartTime(), event.getLong(JAVA_THREAD_ID),
                TranslationContext.optionalString(event, EXCEPTION_MESSAGE), context.stack(event.getStackTrace())));
    }
}
