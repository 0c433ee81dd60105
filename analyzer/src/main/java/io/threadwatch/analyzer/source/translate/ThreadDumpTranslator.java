package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.ThreadDumped;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/**
 * {@code jdk.ThreadDump}: the only view of threads that block and never wake. The JDK's default
 * settings take one per chunk only; the analysis asks for an explicit period.
 */
final class ThreadDumpTranslator implements EventTranslator {

    private static final String RESULT = "result";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.THREAD_DUMP).withPeriod(JfrEventSettings.THREAD_DUMP_PERIOD);
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        String text = event.getString(RESULT);
        if (text != null && !text.isEmpty()) {
            sink.accept(new ThreadDumped(event.startTime(), text));
        }
    }
}
