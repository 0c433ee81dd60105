package io.threadwatch.analyzer;

import io.threadwatch.analyzer.engine.AnalysisEngine;
import io.threadwatch.analyzer.engine.EngineResult;
import io.threadwatch.analyzer.engine.EngineSettings;
import io.threadwatch.analyzer.engine.LiveThread;
import io.threadwatch.analyzer.report.Rendering;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.result.Values;
import io.threadwatch.analyzer.source.Parser;
import io.threadwatch.rules.Rule;
import io.threadwatch.rules.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One recording's analysis from its shape to its report: the engine set up for the time the
 * recording covers, and the report built from what it found. {@link Analyzer} feeds it from a
 * parser; {@link PartialMerge} from chunk partials.
 */
final class AnalysisRun {

    private final RecordingShape recording;
    private final AnalysisOptions options;
    private final Duration window;
    private final AnalysisEngine engine;

    private AnalysisRun(RecordingShape recording, AnalysisOptions options, Duration window, AnalysisEngine engine) {
        this.recording = recording;
        this.options = options;
        this.window = window;
        this.engine = engine;
    }

    /** An engine for {@code recording}, its windows sized for the time it covers. */
    static AnalysisRun start(RecordingShape recording, AnalysisOptions options) {
        // Whole seconds make window boundaries readable; events before the origin join the first window.
        Instant origin = recording.start().truncatedTo(ChronoUnit.SECONDS);
        // Chunks may lie months apart (recordings of different times in one file, or a wrong
        // clock): only the recorded stretches are cut into windows, and only they size them.
        List<Window> recorded = recording.recorded();
        Duration notRecorded = Duration.ZERO;
        for (int i = 1; i < recorded.size(); i++) {
            notRecorded = notRecorded.plus(Duration.between(recorded.get(i - 1).end(), recorded.get(i).start()));
        }
        Duration window = options.windowFor(Duration.between(origin, recording.end()).minus(notRecorded));
        AnalysisEngine engine = new AnalysisEngine(new EngineSettings(origin, window, options.stuckThreshold(),
                options.leakSpanWindows(), options.catalog(), options.rules(), options.keepSlis()));
        engine.recordedOnly(recorded);
        return new AnalysisRun(recording, options, window, engine);
    }

    /** Where the recording's events go, in commit-time order. */
    AnalysisEngine engine() {
        return engine;
    }

    /**
     * Closes the last window and builds the report.
     *
     * @param parser   the parser that read the events
     * @param fallback why the default parser could not, or empty
     * @param skipped  the chunks the parser skipped inside files it could otherwise read, one line each
     */
    Report finish(Parser parser, String fallback, List<String> skipped, Consumer<List<LiveThread>> liveAtEnd) {
        // The last window ends with the recording: an event committed just after its last chunk's
        // end (or dated there by a parser's clock) belongs to it, and no SLI is dated after source.end.
        Instant end = recording.end();
        EngineResult result = engine.finish(end);
        liveAtEnd.accept(engine.liveThreads());
        List<String> notRead = new ArrayList<>(recording.truncations());
        notRead.addAll(skipped);
        Report.Source source = new Report.Source("file", recording.name(), recording.bytes(),
                recording.chunks() - skipped.size(), !notRead.isEmpty(), notRead,
                new Report.ParserUsed(parser.id(), fallback),
                new Report.Jvm(result.jvmName(), result.jvmVersion(), result.cores()),
                Values.instant(recording.start()), Values.instant(end));
        Report.Analysis analysis = new Report.Analysis(Values.duration(window), result.windows(),
                Values.duration(options.stuckThreshold()), options.rules().enabled().stream().map(Rule::id).toList());
        return new Report(Report.SCHEMA, new Report.Tool("threadwatch", Version.current()), source, analysis,
                Rendering.slis(result.slis()), Rendering.findings(result.findings()), result.limitations(),
                result.explanations());
    }
}
