package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.SubmitFailed;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/** {@code jdk.VirtualThreadSubmitFailed} (JDK 21+): the scheduler refused a virtual thread's task. */
final class VirtualThreadSubmitFailedTranslator implements EventTranslator {

    private static final String JAVA_THREAD_ID = "javaThreadId";
    private static final String EXCEPTION_MESSAGE = "exceptionMessage";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.VIRTUAL_THREAD_SUBMIT_FAILED).withStackTrace();
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        sink.accept(new SubmitFailed(event.startTime(), event.getLong(JAVA_THREAD_ID),
                event.optionalString(EXCEPTION_MESSAGE), event.stack()));
    }
}
