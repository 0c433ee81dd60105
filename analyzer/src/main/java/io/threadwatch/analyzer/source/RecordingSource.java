package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.StackTable;
import java.util.function.Consumer;

/** Replays a prepared recording as neutral events in commit-time order: one implementation per {@link Parser}. */
public interface RecordingSource {

    /**
     * Sends every translated event, file after file and chunk after chunk in time order, to
     * {@code sink}, on the calling thread.
     *
     * @throws RecordingException when the parser cannot read a file; {@link RecordingException#otherParserMayRead()}
     *                            says whether another parser is worth a try
     */
    void replay(Consumer<Event> sink) throws RecordingException;

    /** The source that reads {@code files} with {@code parser}, interning stacks in {@code stacks}. */
    static RecordingSource of(Parser parser, RecordingFiles files, StackTable stacks) {
        return switch (parser) {
            case JDK -> new JfrFileSource(files, stacks);
            case JMC -> new JmcFileSource(files, stacks);
            case THREADWATCH -> throw new UnsupportedOperationException("the " + parser.id() + " parser is not built yet");
        };
    }
}
