package io.threadwatch.analyzer.cli;

import io.threadwatch.analyzer.AnalysisOptions;
import io.threadwatch.analyzer.Analyzer;
import io.threadwatch.analyzer.fleet.FleetReport;
import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.report.ReportFormat;
import io.threadwatch.analyzer.source.Parser;
import io.threadwatch.analyzer.source.RecordingException;
import io.threadwatch.analyzer.source.RecordingLimits;
import io.threadwatch.rules.RuleFileException;
import io.threadwatch.rules.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code threadwatch analyze}: one recording in, a report out. */
@Command(name = "analyze",
        description = {"Analyzes a JFR recording and prints the findings.",
                "FILE may be plain or gzip-compressed; zip- and LZ4-compressed files and JDK 7/8 recordings are read by "
                        + "JMC's parser (see --parser). Several FILEs are analyzed as one recording in time order "
                        + "(the chunk files of one JVM's repository); files recorded by different JVMs are refused: analyze "
                        + "them with --each.",
                "A file cut short, or with damaged chunks, is analyzed as far as its intact chunks go; the report "
                        + "says \"truncated\": true and lists what was skipped.",
                "FILEs may instead be the chunk partials 'threadwatch partial' wrote for one recording, in any "
                        + "order: they are merged into that recording's report."},
        mixinStandardHelpOptions = true,
        versionProvider = ThreadwatchCommand.VersionProvider.class,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.FINDINGS_HELP, ExitCodes.USAGE_HELP, ExitCodes.BAD_INPUT_HELP,
                ExitCodes.INTERNAL_HELP})
final class AnalyzeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "The recording (.jfr or .jfr.gz); with --each, also a directory of them; or every chunk "
                    + "partial of one recording (see 'threadwatch partial').")
    List<Path> files;

    @Option(names = "--each",
            description = "Analyze each FILE on its own (a directory: each of its .jfr and .jfr.gz files) and print "
                    + "a fleet summary, one line per recording (worst finding, site, duration, JVM), then each kind "
                    + "of finding at each site with the recordings it is in. With --format json: one document "
                    + "(threadwatch.fleet/v1, see 'threadwatch schema --fleet') holding every report. A recording "
                    + "that cannot be analyzed is a line with its error; the exit code is 3 only when none could.")
    boolean each;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "Output format: json (report v1, the default), text (for people) or html (one page "
                    + "for a browser, offline: verdict, findings with stacks, plots over time; write it with -o "
                    + "report.html and open it).")
    String format;

    @Option(names = "--explain",
            description = "With --format text: also say why the threads that were seen waiting were not reported "
                    + "(idle waits and the evidence for each decision). The JSON report always has them, under "
                    + "'explanations'.")
    boolean explain;

    @Mixin
    RuleFlags ruleFlags;

    @Option(names = "--window", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "Window length, e.g. 30s or 1m. Default: 1m, or a tenth of a recording shorter than "
                    + "10 minutes, in whole seconds.")
    Duration window;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = Converters.SeverityConverter.class,
            description = "Exit with 1 when a finding is at least this severe: info, warning or critical. "
                    + "Default: never.")
    Severity failOn;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--stuck-threshold", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            defaultValue = "20s",
            description = "How long a thread must stay blocked without timeout to count as stuck. Default: ${DEFAULT-VALUE}.")
    Duration stuckThreshold;

    @Option(names = "--max-decompressed-size", paramLabel = "SIZE", converter = Converters.SizeConverter.class,
            description = "Refuse a compressed recording that expands to more than SIZE, e.g. 4g. Default: 16g.")
    Long maxDecompressedSize;

    @Option(names = "--parser", paramLabel = "PARSER", converter = Converters.ParserConverter.class,
            description = "Read the recording with this parser only: threadwatch (Threadwatch's own, which decodes "
                    + "only what the analysis reads, chunks in parallel), jdk (the JDK's jdk.jfr.consumer) or jmc (JDK "
                    + "Mission Control's, which also reads JDK 7/8 recordings and zip or LZ4 files, but holds every "
                    + "event in memory). Default: threadwatch, and jmc for a file it cannot read; the report's "
                    + "source.parser says which read it and why.")
    Parser parser;

    @Option(names = {"-q", "--quiet"},
            description = "Draw no progress bar. Without it, a bar (megabytes and chunks read, rate, time left) is "
                    + "drawn on standard error when standard error is a terminal, never into a pipe or a file.")
    boolean quiet;

    @Override
    public Integer call() {
        ReportFormat reportFormat = parseFormat();
        if (!reportFormat.available()) {
            throw new CommandFailure(ExitCodes.USAGE, "the " + reportFormat.id() + " format is not in this build "
                    + "(the agent jar leaves its chart library out); analyze with threadwatch.jar");
        }
        AnalysisOptions options = AnalysisOptions.defaults().withStuckThreshold(stuckThreshold);
        if (window != null) {
            options = options.withWindow(window);
        }
        if (parser != null) {
            options = options.withParser(parser);
        }
        if (maxDecompressedSize != null) {
            options = options.withLimits(new RecordingLimits(maxDecompressedSize));
        }
        try {
            options = options.withRules(ruleFlags.rules(options.rules())).withCatalog(ruleFlags.catalog(options.catalog()));
        } catch (RuleFileException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
        }
        boolean partials = PartialFiles.given(files);
        if (partials && (each || (parser != null && parser != Parser.THREADWATCH))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "chunk partials are merged into one report, "
                    + "read as Threadwatch's parser read them: not with " + (each ? "--each" : "--parser " + parser.id()));
        }
        if (each) {
            return analyzeEach(reportFormat, options);
        }
        prepareBeside(reportFormat);
        Report report;
        if (partials) {
            report = PartialFiles.merge(files, options);
        } else {
            try (ProgressDisplay.Listener progress = ProgressDisplay.open(quiet, "analyze")) {
                report = Analyzer.analyze(files, options, progress.listener());
            } catch (RecordingException e) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, e.getMessage());
            }
        }
        write(report, reportFormat, options);
        if (failOn != null) {
            for (Finding finding : report.findings()) {
                if (Severity.fromId(finding.severity()).isAtLeast(failOn)) {
                    return ExitCodes.FINDINGS;
                }
            }
        }
        return ExitCodes.OK;
    }

    private int analyzeEach(ReportFormat reportFormat, AnalysisOptions options) {
        if (reportFormat != ReportFormat.JSON && reportFormat != ReportFormat.TEXT) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--each writes json or text, not " + reportFormat.id());
        }
        FleetReport fleet = EachAnalysis.analyze(EachAnalysis.recordings(files), options, quiet);
        boolean json = reportFormat == ReportFormat.JSON;
        if (output == null) {
            try {
                EachAnalysis.write(fleet, json, spec.commandLine().getOut());
            } catch (IOException e) {
                throw new CommandFailure(ExitCodes.INTERNAL, "cannot write the report: " + e.getMessage());
            }
            spec.commandLine().getOut().flush();
        } else {
            try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                EachAnalysis.write(fleet, json, out);
            } catch (IOException e) {
                throw new CommandFailure(ExitCodes.USAGE, "cannot write '" + output + "': " + e.getMessage());
            }
        }
        return EachAnalysis.exitCode(fleet, failOn);
    }

    /**
     * Builds what writing the report will need on a daemon thread, beside the analysis: on a cold JVM
     * that is a good part of analyzing a small recording.
     */
    static void prepareBeside(ReportFormat reportFormat) {
        Thread prepare = new Thread(reportFormat::prepare, "threadwatch-prepare-report");
        prepare.setDaemon(true);
        prepare.start();
    }

    private ReportFormat parseFormat() {
        for (ReportFormat candidate : ReportFormat.values()) {
            if (candidate.id().equals(format)) {
                return candidate;
            }
        }
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Invalid value for option '--format': '" + format + "' (expected json, text or html)");
    }

    private void write(Report report, ReportFormat reportFormat, AnalysisOptions options) {
        if (output == null) {
            try {
                reportFormat.write(report, spec.commandLine().getOut(), explain, options.catalog());
            } catch (IOException e) {
                throw new CommandFailure(ExitCodes.INTERNAL, "cannot write the report: " + e.getMessage());
            }
            spec.commandLine().getOut().flush();
            return;
        }
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            reportFormat.write(report, out, explain, options.catalog());
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.USAGE, "cannot write '" + output + "': " + e.getMessage());
        }
    }
}
