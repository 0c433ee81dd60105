package io.threadwatch.analyzer.source.jmc;

import io.threadwatch.analyzer.source.ChunkHeader;
import io.threadwatch.analyzer.source.RecordingException;
import io.threadwatch.analyzer.source.RecordingFiles;
import io.threadwatch.analyzer.source.translate.EventTranslator;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.flightrecorder.CouldNotLoadRecordingException;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.parser.IParserExtension;
import org.openjdk.jmc.flightrecorder.parser.filter.FilterExtension;
import org.openjdk.jmc.flightrecorder.parser.filter.OnLoadFilters;
import org.openjdk.jmc.flightrecorder.parser.synthetic.SyntheticAttributeExtension;

/** Loads one recording file with JMC's parser, keeping only the events a translator reads. */
final class JmcLoader {

    /** Ties in commit time go in start-time, then type-name order, whatever order JMC's threads loaded chunks in. */
    static final Comparator<Loaded> COMMIT_ORDER = Comparator.comparingLong(Loaded::endNanos)
            .thenComparingLong(Loaded::startNanos)
            .thenComparing(loaded -> loaded.type().translator().settings().eventName());

    private JmcLoader() {
    }

    /**
     * One loaded event, waiting for its turn.
     *
     * @param endNanos   commit time, epoch nanoseconds
     * @param startNanos start time, epoch nanoseconds
     */
    record Loaded(long endNanos, long startNanos, JmcEventType type, IItem item) {
    }

    /**
     * What JMC read from one file.
     *
     * @param events  every event a translator reads, in JMC's (lane) order
     * @param skipped one line per chunk JMC was not given, see {@link JmcReadableChunks}
     */
    record LoadedFile(List<Loaded> events, List<String> skipped) {
    }

    /** Every event of the file's readable chunks that a translator reads. */
    static LoadedFile load(RecordingFiles.Input input, Map<String, EventTranslator> translators)
            throws RecordingException {
        JmcReadableChunks readable;
        try {
            readable = JmcReadableChunks.of(input);
        } catch (IOException e) {
            throw new RecordingException("'" + input.name() + "': cannot read: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            // A chunk is held whole to check its links, as JMC would hold it (1.2 times) to load it.
            throw new RecordingException("'" + input.name() + "': a chunk does not fit in the heap Java was given, "
                    + "and JMC's parser holds each chunk whole; raise -Xmx or read it with another parser", e, true);
        }
        if (readable.chunks().isEmpty()) {
            throw new RecordingException("'" + input.name() + "': JMC's parser can be given none of its "
                    + input.chunks().size() + (input.chunks().size() == 1 ? " chunk; " : " chunks; first: ")
                    + readable.skipped().get(0).substring(input.name().length() + 2), null, false);
        }
        try {
            IItemCollection loaded = loadFile(input, readable.chunks(), extensions(translators));
            List<Loaded> events = new ArrayList<>();
            Map<IType<IItem>, JmcEventType> types = new IdentityHashMap<>();
            for (IItemIterable lane : loaded) {
                JmcEventType type = types.computeIfAbsent(lane.getType(), t -> JmcEventType.of(t, translators));
                if (type == null) {
                    continue;
                }
                for (IItem item : lane) {
                    events.add(new Loaded(type.endNanos(item), type.startNanos(item), type, item));
                }
            }
            return new LoadedFile(events, readable.skipped());
        } catch (IOException | CouldNotLoadRecordingException | RuntimeException e) {
            throw new RecordingException("'" + input.name() + "': JMC's parser cannot parse it: " + oneLine(e), e, true);
        } catch (StackOverflowError e) {
            // Found by fuzzing: JMC reads a struct field by recursing into its type, without a
            // bound, so a type whose metadata nests it in itself recurses until the stack ends.
            // The thread that loaded the chunk is done with it once this unwinds.
            throw new RecordingException("'" + input.name() + "': JMC's parser cannot parse it: its metadata nests "
                    + "a type in itself without end (the parser ran out of stack)", e, true);
        } catch (OutOfMemoryError e) {
            // Thrown while loading: the partial load is unreachable again once this unwinds.
            throw new RecordingException("'" + input.name() + "': JMC's parser ran out of memory, as it holds every "
                    + "event on the heap; raise -Xmx or read it with another parser", e, true);
        }
    }

    /**
     * JMC is given only the chunks the walk kept and {@link JmcReadableChunks} passed (every chunk
     * of a sound file): it believes each header it meets and allocates a chunk's declared size
     * before reading it, so a damaged header between chunks could cost gigabytes of heap for a file
     * of kilobytes.
     */
    private static IItemCollection loadFile(RecordingFiles.Input input, List<ChunkHeader> chunks,
                                            List<IParserExtension> extensions)
            throws IOException, CouldNotLoadRecordingException {
        try (InputStream bytes = JmcChunkIndex.wholeChunks(input.parseable(), chunks)) {
            return JfrLoaderToolkit.loadEvents(bytes, extensions);
        }
    }

    /**
     * JMC's default extension (which also maps JDK 7/8 and 9/10 recordings onto today's event and
     * field names), then a load-time filter, so that JMC keeps only the types a translator reads.
     */
    private static List<IParserExtension> extensions(Map<String, EventTranslator> translators) {
        return List.of(new SyntheticAttributeExtension(),
                new FilterExtension(OnLoadFilters.includeEvents(translators.keySet())));
    }

    /** The first line of a throwable's message: JMC's messages may span lines. */
    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("");
    }
}
