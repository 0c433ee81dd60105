package io.threadwatch.analyzer.source.jdk;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.source.translate.TranslationContext;
import java.util.function.BiConsumer;
import jdk.jfr.consumer.EventStream;

/**
 * Translates a live JFR stream (a {@code RecordingStream} in this JVM, a
 * {@code RemoteRecordingStream} from another) into the neutral event model: the live
 * counterpart of {@link JfrFileSource}, with the same translators.
 */
public final class JfrStreamSource {

    private JfrStreamSource() {
    }

    /**
     * Registers the translators on {@code stream} before it starts. Events reach {@code sink} on the
     * stream's dispatch thread. A translator or sink that throws loses that one event: the stream
     * goes on and {@code failures} hears the event type and the exception.
     */
    public static void attach(EventStream stream, StackTable stacks, EventSink sink,
                              BiConsumer<String, RuntimeException> failures) {
        TranslationContext context = new TranslationContext();
        StreamTranslators.register(stream, context, stacks, (translator, event) -> {
            try {
                translator.translate(event, context, sink);
            } catch (RuntimeException e) {
                failures.accept(translator.settings().eventName(), e);
            }
        });
    }
}
