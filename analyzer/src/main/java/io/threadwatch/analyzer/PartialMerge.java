package io.threadwatch.analyzer;

import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.partial.PartialDecoder;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.source.Parser;
import io.threadwatch.analyzer.source.RecordingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The second half of analyzing one recording on several machines: takes its {@link ChunkPartial}s
 * in chunk order and gives the report {@link Analyzer#analyze} gives for the file with
 * Threadwatch's parser. Each partial is analyzed as it is added, so the merge holds the analysis
 * state, never the partials. One merge analyzes one recording; it is not thread-safe.
 */
public final class PartialMerge {

    private final AnalysisOptions options;
    private final StackTable stacks = new StackTable();
    private final List<String> skipped = new ArrayList<>();
    private AnalysisRun run;
    private RecordingShape recording;
    private int next;
    /** Why an earlier {@link #add} failed: the analysis is then half-fed and cannot go on. */
    private String failed;
    private boolean finished;

    private PartialMerge(AnalysisOptions options) {
        this.options = options;
    }

    /**
     * A merge that analyzes with {@code options} (window, rules, catalog; the limits and parser
     * were the partials' business).
     */
    public static PartialMerge start(AnalysisOptions options) {
        return new PartialMerge(Objects.requireNonNull(options, "options"));
    }

    /**
     * Analyzes the next chunk's partial.
     *
     * @throws IllegalArgumentException when it is not the next chunk of the recording the first
     *                                  partial came from, or its events are damaged (the merge
     *                                  cannot go on after that)
     * @throws IllegalStateException    when an earlier partial's events were damaged, or after {@link #finish};
     *                                  or when the analysis itself failed on this partial's sound events
     *                                  (a Threadwatch bug: the merge cannot go on either)
     */
    public void add(ChunkPartial partial) {
        requireOpen();
        if (run == null) {
            recording = partial.recording();
            run = AnalysisRun.start(recording, options);
        } else if (!partial.recording().equals(recording)) {
            throw new IllegalArgumentException("a partial of " + partial.describeRecording() + " added to the merge of "
                    + recording.describe() + ": merge each recording's partials on their own");
        }
        if (partial.chunk() != next) {
            throw new IllegalArgumentException("chunk " + partial.chunk() + " of '" + recording.name() + "' added where "
                    + (next < recording.chunks() ? "chunk " + next : "no more chunks") + " belongs: add the partials in"
                    + " chunk order, each once");
        }
        try {
            PartialDecoder.replay(partial.eventBytes(), stacks, run.engine());
        } catch (PartialDecoder.Damaged e) {
            failed = "chunk " + partial.chunk() + ": " + e.getMessage();
            throw e;
        } catch (RuntimeException e) {
            // Sound bytes the engine failed on: a Threadwatch bug, not bad input.
            failed = "chunk " + partial.chunk() + ": " + e;
            throw new IllegalStateException("the analysis failed on chunk " + partial.chunk() + " of '"
                    + recording.name() + "'", e);
        }
        partial.skipped().ifPresent(skipped::add);
        next++;
    }

    /**
     * Closes the analysis and gives the report; the merge takes nothing after.
     *
     * @throws RecordingException    when every chunk was corrupt: there is nothing to analyze
     * @throws IllegalStateException when partials are missing, or an earlier one was damaged
     */
    public Report finish() throws RecordingException {
        requireOpen();
        if (run == null) {
            throw new IllegalStateException("no partial was added");
        }
        if (next < recording.chunks()) {
            throw new IllegalStateException("chunks " + next + " to " + (recording.chunks() - 1) + " of '"
                    + recording.name() + "' were not added: a report needs every chunk's partial");
        }
        finished = true;
        if (skipped.size() == recording.chunks()) {
            RecordingException none = RecordingException.noChunkRead(recording.name(), skipped);
            throw new RecordingException(none.getMessage() + "; analyze the file whole, which tries JMC's parser next",
                    none, true);
        }
        return run.finish(Parser.THREADWATCH, "", skipped, live -> { });
    }

    private void requireOpen() {
        if (failed != null) {
            throw new IllegalStateException("this merge failed earlier (" + failed + "): start another");
        }
        if (finished) {
            throw new IllegalStateException("this merge has finished: start another");
        }
    }
}
