package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.StackTable;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import jdk.jfr.consumer.EventStream;

/**
 * Replays recording files through the JDK's {@code EventStream}, ordered by commit time, with one
 * handler per event type the analysis reads: the stream then skips every other type.
 */
public final class JfrFileSource implements RecordingSource {

    private final RecordingFiles files;
    private final StackTable stacks;

    public JfrFileSource(RecordingFiles files, StackTable stacks) {
        this.files = files;
        this.stacks = stacks;
    }

    /** A failure inside a translator or the engine, as opposed to one in the JDK's parser. */
    private static final class HandlerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HandlerFailure(String eventType, RuntimeException cause) {
            super("analysis failed on a " + eventType + " event: " + cause, cause);
        }
    }

    /**
     * Sends every translated event, file after file in time order, to {@code sink}.
     *
     * @throws RecordingException when the JDK's parser rejects a file or reads no event from it
     */
    @Override
    public void replay(Consumer<Event> sink) throws RecordingException {
        for (RecordingFiles.Input input : files.inputs()) {
            TranslationContext context = new TranslationContext();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            long[] delivered = {0};
            try (EventStream stream = EventStream.openFile(input.parseable())) {
                stream.setOrdered(true);
                Translators.register(stream, context, stacks, (translator, event) -> {
                    if (failure.get() == null) {
                        delivered[0]++;
                        translate(translator, event, context, sink);
                    }
                });
                // Without onError the stream prints exceptions from handlers to stderr and goes on.
                stream.onError(error -> failure.compareAndSet(null, error));
                stream.start();
            } catch (IOException e) {
                throw new RecordingException("'" + input.name() + "': the JDK's JFR parser cannot parse it: "
                        + e.getMessage(), e, true);
            }
            Throwable error = failure.get();
            if (error instanceof HandlerFailure bug) {
                throw bug;
            }
            if (error != null) {
                throw new RecordingException("'" + input.name() + "': the JDK's JFR parser rejects it: " + error, error,
                        true);
            }
            if (delivered[0] == 0) {
                // EventStream stops silently on a corrupt chunk (observed on 17 and 25): say so
                // rather than report a healthy recording.
                throw new RecordingException("'" + input.name() + "': the JDK's JFR parser read no event from it; "
                        + "the recording is corrupt or holds none of the events Threadwatch reads", null, true);
            }
        }
    }

    private static void translate(EventTranslator translator, SourceEvent event, TranslationContext context,
                                  Consumer<Event> sink) {
        try {
            translator.translate(event, context, sink);
        } catch (RuntimeException e) {
            throw new HandlerFailure(translator.settings().eventName(), e);
        }
    }
}
