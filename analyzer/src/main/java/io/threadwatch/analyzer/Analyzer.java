package io.threadwatch.analyzer;

import io.threadwatch.analyzer.engine.AnalysisEngine;
import io.threadwatch.analyzer.engine.LiveThread;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.source.Parser;
import io.threadwatch.analyzer.source.ReadProgress;
import io.threadwatch.analyzer.source.RecordingException;
import io.threadwatch.analyzer.source.RecordingFiles;
import io.threadwatch.analyzer.source.RecordingSource;
import java.nio.file.Path;
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
        AnalysisRun run = AnalysisRun.start(RecordingShape.of(recording), options);
        recording.requireReadableBy(parser);
        RecordingSource reader = RecordingSource.of(parser, recording, new StackTable(), progress);
        reader.replay(run.engine());
        return run.finish(parser, fallback, reader.skipped(), liveAtEnd);
    }
}
