package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.StackTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
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

/**
 * Replays recording files through JDK Mission Control's parser, which also reads JDK 7/8
 * recordings and zip or LZ4-compressed files. JMC loads a whole file before the first event can be
 * read (its chunks in parallel) and keeps every loaded event on the heap, so only the event types a
 * translator reads are loaded, and files are loaded one at a time.
 *
 * <p>JMC hands out one event type as several lanes (one per chunk, and for duration events split
 * further into lanes of non-overlapping events), each sorted on its own. This source merges them
 * into commit-time order, as the JDK's ordered stream delivers them.
 */
public final class JmcFileSource implements RecordingSource {

    /**
     * JMC logs to java.util.logging, e.g. a warning per chunk for each thread field it does not
     * model ({@code virtual}, JDK 21+); the CLI's stderr is for its own one-line messages. Held
     * here because the logging framework keeps loggers only weakly.
     */
    private static final Logger JMC_LOGGER = Logger.getLogger("org.openjdk.jmc");

    static {
        JMC_LOGGER.setLevel(Level.SEVERE);
    }

    /** Ties in commit time go in start-time, then type-name order, whatever order JMC's threads loaded chunks in. */
    private static final Comparator<Pending> COMMIT_ORDER = Comparator.comparingLong(Pending::endNanos)
            .thenComparingLong(Pending::startNanos)
            .thenComparing(pending -> pending.type().translator().settings().eventName());

    private final RecordingFiles files;
    private final StackTable stacks;

    public JmcFileSource(RecordingFiles files, StackTable stacks) {
        this.files = files;
        this.stacks = stacks;
    }

    /** One loaded event, waiting for its turn. */
    private record Pending(long endNanos, long startNanos, JmcEventType type, IItem item) {
    }

    /**
     * Sends every translated event, file after file in commit-time order, to {@code sink}.
     *
     * @throws RecordingException when JMC's parser rejects a file, reads no event from it, runs out
     *                            of memory on it, or is not in this build (the agent jar)
     */
    @Override
    public void replay(Consumer<Event> sink) throws RecordingException {
        Map<String, EventTranslator> translators = new HashMap<>();
        for (EventTranslator translator : Translators.all()) {
            translators.put(translator.settings().eventName(), translator);
        }
        JmcStacks jmcStacks = new JmcStacks(stacks);
        for (RecordingFiles.Input input : files.inputs()) {
            List<Pending> events = load(input, translators);
            if (events.isEmpty()) {
                throw new RecordingException("'" + input.name() + "': JMC's parser read no event from it; "
                        + "the recording is corrupt or holds none of the events Threadwatch reads", null, true);
            }
            events.sort(COMMIT_ORDER);
            TranslationContext context = new TranslationContext();
            JmcEventView view = new JmcEventView(jmcStacks, context);
            for (int i = 0; i < events.size(); i++) {
                Pending event = events.get(i);
                // Let the loaded event go once it is translated: the heap holds the rest.
                events.set(i, null);
                translate(event.type().translator(), view.of(event.type(), event.item(), event.startNanos(),
                        event.endNanos()), context, sink);
            }
        }
    }

    private static List<Pending> load(RecordingFiles.Input input, Map<String, EventTranslator> translators)
            throws RecordingException {
        try {
            IItemCollection loaded = JfrLoaderToolkit.loadEvents(List.of(input.parseable().toFile()),
                    extensions(translators));
            List<Pending> events = new ArrayList<>();
            Map<IType<IItem>, JmcEventType> types = new IdentityHashMap<>();
            for (IItemIterable lane : loaded) {
                JmcEventType type = types.computeIfAbsent(lane.getType(), t -> JmcEventType.of(t, translators));
                if (type == null) {
                    continue;
                }
                for (IItem item : lane) {
                    events.add(new Pending(type.endNanos(item), type.startNanos(item), type, item));
                }
            }
            return events;
        } catch (IOException | CouldNotLoadRecordingException | RuntimeException e) {
            throw new RecordingException("'" + input.name() + "': JMC's parser cannot parse it: " + oneLine(e), e, true);
        } catch (OutOfMemoryError e) {
            throw new RecordingException("'" + input.name() + "': JMC's parser ran out of memory, as it holds every "
                    + "event on the heap; raise -Xmx or read it with another parser", e, true);
        } catch (NoClassDefFoundError e) {
            throw new RecordingException("the jmc parser is not in this build (the agent jar leaves JMC out); "
                    + "analyze with threadwatch.jar", e, false);
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

    private static void translate(EventTranslator translator, SourceEvent event, TranslationContext context,
                                  Consumer<Event> sink) {
        try {
            translator.translate(event, context, sink);
        } catch (RuntimeException e) {
            throw new IllegalStateException("analysis failed on a " + translator.settings().eventName() + " event: " + e,
                    e);
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("");
    }
}
