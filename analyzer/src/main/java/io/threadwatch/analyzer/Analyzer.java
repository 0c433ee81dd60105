package io.threadwatch.analyzer;

import io.threadwatch.analyzer.engine.AnalysisEngine;
import io.threadwatch.analyzer.engine.EngineResult;
import io.threadwatch.analyzer.engine.EngineSettings;
import io.threadwatch.analyzer.engine.LiveThread;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.report.Rendering;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.result.Values;
import io.threadwatch.analyzer.source.Parser;
import io.threadwatch.analyzer.source.ReadProgress;
import io.threadwatch.analyzer.source.RecordingException;
import io.threadwatch.analyzer.source.RecordingFiles;
import io.threadwatch.analyzer.source.RecordingSource;
import io.threadwatch.rules.Rule;
import io.threadwatch.rules.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Analyzes JFR recording files: the one way into offline analysis.
 *
 * <pre>{@code
 * Report report = Analyzer.analyze(List.of(Path.of("app.jfr")), AnalysisOptions.defaults());
 * report.findings().forEach(f -> System.out.println(f.kind() + " at " + f.site().frame()));
 * }</pre>
 */
public final class Analyzer {

    private Analyzer() {
    }

    /**
     * Analyzes the files of one recording (one file, or the chunk files of one JVM's repository),
     * plain or gzip-compressed. Files recorded by different JVMs are refused: analyze them one by one. Without a parser in the options, Threadwatch's own parser reads the
     * files and JMC's takes over when it cannot; the report's {@code source.parser} says which did.
     *
     * @throws RecordingException when a file cannot be analyzed; the message says which and why
     */
    public static Report analyze(List<Path> files, AnalysisOptions options) throws RecordingException {
        return analyze(files, options, AnalysisProgress.Listener.NONE);
    }

    /**
     * As {@link #analyze(List, AnalysisOptions)}, telling {@code progress} how far it has read.
     *
     * @throws RecordingException when a file cannot be analyzed, or the files come from different JVMs;
     *                            the message says which and why
     */
    public static Report analyze(List<Path> files, AnalysisOptions options, AnalysisProgress.Listener progress)
            throws RecordingException {
        return analyze(files, options, progress, true);
    }

    /**
     * As {@link #analyze(List, AnalysisOptions, AnalysisProgress.Listener)}; with {@code oneJvm}
     * false, files of different JVMs are merged too (for tests that compare a file of several
     * recordings with its parts).
     */
    static Report analyze(List<Path> files, AnalysisOptions options, AnalysisProgress.Listener progress, boolean oneJvm)
            throws RecordingException {
        return analyze(files, options, progress, oneJvm, live -> { });
    }

    /**
     * As {@link #analyze(List, AnalysisOptions)}, handing {@code liveAtEnd} the threads alive at the
     * end of the recording by the engine's ledger (see {@link AnalysisEngine#liveThreads()}), once,
     * before the report is returned.
     *
     * @throws RecordingException when a file cannot be analyzed; the message says which and why
     */
    public static Report analyzeWithLiveThreads(List<Path> files, AnalysisOptions options,
                                                Consumer<List<LiveThread>> liveAtEnd)
            throws RecordingException {
        return analyze(files, options, AnalysisProgress.Listener.NONE, true, liveAtEnd);
    }

    private static Report analyze(List<Path> files, AnalysisOptions options, AnalysisProgress.Listener progress,
                                  boolean oneJvm, Consumer<List<LiveThread>> liveAtEnd) throws RecordingException {
        try (RecordingFiles recording = RecordingFiles.open(files, options.limits())) {
            if (oneJvm) {
                recording.requireOneJvm();
            }
            MonotonicProgress monotonic = new MonotonicProgress(progress, recording.bytes(), recording.chunks());
            monotonic.read(0, 0);
            Report report = analyze(recording, options, monotonic.forSources(), liveAtEnd);
            monotonic.read(recording.bytes(), recording.chunks());
            return report;
        }
    }

    private static Report analyze(RecordingFiles recording, AnalysisOptions options, ReadProgress progress,
                                  Consumer<List<LiveThread>> liveAtEnd) throws RecordingException {
        if (options.parser().isPresent()) {
            return analyze(recording, options, options.parser().get(), "", progress, liveAtEnd);
        }
        try {
            return analyze(recording, options, Parser.DEFAULT, "", progress, liveAtEnd);
        } catch (RecordingException e) {
            if (!e.otherParserMayRead()) {
                throw e;
            }
            try {
                return analyze(recording, options, Parser.FALLBACK, e.getMessage(), progress, liveAtEnd);
            } catch (RecordingException again) {
                throw new RecordingException(e.getMessage() + "; " + Parser.FALLBACK.id() + " parser: "
                        + again.getMessage(), again);
            }
        }
    }

    private static Report analyze(RecordingFiles recording, AnalysisOptions options, Parser parser, String fallback,
                                  ReadProgress progress, Consumer<List<LiveThread>> liveAtEnd) throws RecordingException {
        // Whole seconds make window boundaries readable; events before the origin join the first window.
        Instant origin = recording.start().truncatedTo(ChronoUnit.SECONDS);
        Instant end = recording.end();
        // Chunks may lie months apart (recordings of different times in one file, or a wrong
        // clock): only the recorded stretches are cut into windows, and only they size them.
        List<Window> recorded = recording.recorded();
        Duration notRecorded = Duration.ZERO;
        for (int i = 1; i < recorded.size(); i++) {
            notRecorded = notRecorded.plus(Duration.between(recorded.get(i - 1).end(), recorded.get(i).start()));
        }
        Duration window = options.windowFor(Duration.between(origin, end).minus(notRecorded));
        AnalysisEngine engine = new AnalysisEngine(new EngineSettings(origin, window, options.stuckThreshold(),
                options.leakSpanWindows(), options.catalog(), options.rules(), options.keepSlis()));
        engine.recordedOnly(recorded);
        recording.requireReadableBy(parser);
        RecordingSource reader = RecordingSource.of(parser, recording, new StackTable(), progress);
        reader.replay(engine);
        // The last window ends with the recording: an event committed just after its last chunk's
        // end (or dated there by a parser's clock) belongs to it, and no SLI is dated after source.end.
        EngineResult result = engine.finish(end);
        liveAtEnd.accept(engine.liveThreads());
        List<String> skipped = new ArrayList<>(recording.truncations());
        skipped.addAll(reader.skipped());
        Report.Source source = new Report.Source("file", recording.name(), recording.bytes(),
                recording.chunks() - reader.skipped().size(), !skipped.isEmpty(), skipped,
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
