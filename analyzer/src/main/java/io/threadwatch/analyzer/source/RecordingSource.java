package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.source.jdk.JfrFileSource;
import io.threadwatch.analyzer.source.jmc.JmcFileSource;
import io.threadwatch.analyzer.source.threadwatch.ChunkFileSource;
import java.util.List;

/** Replays a prepared recording as neutral events in commit-time order: one implementation per {@link Parser}. */
public interface RecordingSource {

    /**
     * Sends every translated event, file after file and chunk after chunk in time order, to
     * {@code sink}, on the calling thread. A source may hand {@link io.threadwatch.analyzer.event.Blocked}
     * waits over by their fields ({@link EventSink#blocked}); a plain lambda sink still gets records.
     *
     * @throws RecordingException when the parser cannot read a file; {@link RecordingException#otherParserMayRead()}
     *                            says whether another parser is worth a try
     */
    void replay(EventSink sink) throws RecordingException;

    /**
     * What the last {@link #replay} skipped inside files it could otherwise read, e.g. a corrupt
     * chunk between good ones, one line each; empty when it read everything.
     */
    default List<String> skipped() {
        return List.of();
    }

    /** The source that reads {@code files} with {@code parser}, interning stacks in {@code stacks}. */
    static RecordingSource of(Parser parser, RecordingFiles files, StackTable stacks) {
        return of(parser, files, stacks, ReadProgress.NONE);
    }

    /**
     * As {@link #of(Parser, RecordingFiles, StackTable)}, telling {@code progress} how far it has
     * read: per chunk for {@code threadwatch} and {@code jdk}, per file for {@code jmc}, which
     * loads a file whole before its first event.
     */
    static RecordingSource of(Parser parser, RecordingFiles files, StackTable stacks, ReadProgress progress) {
        return switch (parser) {
            case THREADWATCH -> new ChunkFileSource(files, stacks, Runtime.getRuntime().availableProcessors(), progress);
            case JDK -> new JfrFileSource(files, stacks, progress);
            case JMC -> new JmcFileSource(files, stacks, progress);
        };
    }

    /**
     * The chunk-by-chunk replay of {@code files} with Threadwatch's parser (the only one that reads
     * a chunk on its own), interning stacks in {@code stacks}; call
     * {@link RecordingFiles#requireReadableBy} with {@link Parser#THREADWATCH} first.
     */
    static ChunkReplay chunkByChunk(RecordingFiles files, StackTable stacks) {
        return new ChunkFileSource(files, stacks, 1);
    }
}
