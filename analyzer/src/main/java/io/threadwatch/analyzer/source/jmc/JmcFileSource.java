package io.threadwatch.analyzer.source.jmc;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.source.ProgressCounter;
import io.threadwatch.analyzer.source.ReadProgress;
import io.threadwatch.analyzer.source.RecordingException;
import io.threadwatch.analyzer.source.RecordingFiles;
import io.threadwatch.analyzer.source.RecordingSource;
import io.threadwatch.analyzer.source.translate.EventTranslator;
import io.threadwatch.analyzer.source.translate.SourceEvent;
import io.threadwatch.analyzer.source.translate.TranslationContext;
import io.threadwatch.analyzer.source.translate.TranslatorFailure;
import io.threadwatch.analyzer.source.translate.Translators;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replays recording files through JDK Mission Control's parser, which also reads JDK 7/8
 * recordings and zip or LZ4-compressed files. JMC loads a whole file before the first event can be
 * read (its chunks in parallel) and keeps every loaded event on the heap, so only the event types a
 * translator reads are loaded, and files are loaded one at a time.
 *
 * <p>JMC hands out one event type as several lanes (one per chunk, and for duration events split
 * further into lanes of non-overlapping events), each sorted on its own. This source merges them
 * into commit-time order, as the JDK's ordered stream delivers them.
 *
 * <p>Only {@link JmcLoader} and the view classes link JMC's types; this class loads without them,
 * so that the agent jar, which leaves JMC out, refuses the parser in one line.
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

    private final RecordingFiles files;
    private final StackTable stacks;
    private final ProgressCounter progress;
    private final List<String> skipped = new ArrayList<>();

    public JmcFileSource(RecordingFiles files, StackTable stacks) {
        this(files, stacks, ReadProgress.NONE);
    }

    /** A source that tells {@code progress} after each file: JMC loads a file whole before its first event. */
    public JmcFileSource(RecordingFiles files, StackTable stacks, ReadProgress progress) {
        this.files = files;
        this.stacks = stacks;
        this.progress = new ProgressCounter(files, progress);
    }

    /** Chunks JMC's parser was not given, one line each: it would have looped on their broken links. */
    @Override
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /**
     * Sends every translated event, file after file in commit-time order, to {@code sink}.
     *
     * @throws RecordingException when JMC's parser rejects a file, reads no event from it, runs out
     *                            of memory on it, or is not in this build (the agent jar)
     */
    @Override
    public void replay(EventSink sink) throws RecordingException {
        Map<String, EventTranslator> translators = new HashMap<>();
        for (EventTranslator translator : Translators.all()) {
            translators.put(translator.settings().eventName(), translator);
        }
        JmcStacks jmcStacks = new JmcStacks(stacks);
        skipped.clear();
        for (RecordingFiles.Input input : files.inputs()) {
            JmcLoader.LoadedFile file = load(input, translators);
            skipped.addAll(file.skipped());
            List<JmcLoader.Loaded> events = file.events();
            if (events.isEmpty()) {
                throw new RecordingException("'" + input.name() + "': JMC's parser read no event from it; "
                        + "the recording is corrupt or holds none of the events Threadwatch reads", null, true);
            }
            events.sort(JmcLoader.COMMIT_ORDER);
            TranslationContext context = new TranslationContext();
            JmcEventView view = new JmcEventView(jmcStacks, context);
            for (int i = 0; i < events.size(); i++) {
                JmcLoader.Loaded event = events.get(i);
                // Let the loaded event go once it is translated: the heap holds the rest.
                events.set(i, null);
                SourceEvent source = view.of(event.type(), event.item(), event.startNanos(), event.endNanos());
                try {
                    TranslatorFailure.translate(event.type().translator(), source, context, sink);
                } catch (TranslatorFailure failure) {
                    if (failure.getCause() instanceof JmcStacks.DamagedStack damaged) {
                        throw new RecordingException("'" + input.name() + "': JMC's parser fails on a "
                                + event.type().translator().settings().eventName() + " event: "
                                + damaged.getMessage().replace('\n', ' '), damaged, true);
                    }
                    throw failure;
                }
            }
            progress.fileRead(input);
        }
    }

    private static JmcLoader.LoadedFile load(RecordingFiles.Input input, Map<String, EventTranslator> translators)
            throws RecordingException {
        try {
            return JmcLoader.load(input, translators);
        } catch (NoClassDefFoundError e) {
            throw new RecordingException("the jmc parser is not in this build (the agent jar leaves JMC out); "
                    + "analyze with threadwatch.jar", e, false);
        }
    }
}
