package io.threadwatch.analyzer.cli;

import io.threadwatch.analyzer.AnalysisOptions;
import io.threadwatch.analyzer.diff.DiffFormat;
import io.threadwatch.analyzer.diff.DiffReport;
import io.threadwatch.analyzer.diff.InputException;
import io.threadwatch.analyzer.diff.Inputs;
import io.threadwatch.analyzer.diff.Snapshot;
import io.threadwatch.analyzer.diff.ThreadDiff;
import io.threadwatch.rules.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code threadwatch diff BEFORE AFTER}: what changed in a JVM's threads between two recordings or dumps. */
@Command(name = "diff",
        description = {"Compares two snapshots of a JVM's threads, e.g. before and after a fix, a deploy or a load "
                + "test, and says which thread families, stacks and creation sites appeared, grew, shrank or vanished.",
                "BEFORE and AFTER are each a JFR recording (.jfr, or gzip-compressed), a jstack or 'jcmd <pid> "
                        + "Thread.print' text dump, or a 'jcmd <pid> Thread.dump_to_file -format=json' dump (JDK 21+, "
                        + "with virtual threads); what a file is comes from its content, not its name. A recording "
                        + "counts the threads alive at its end, with their creation sites and their stacks in its last "
                        + "thread dump event. For two recordings the SLIs per site are shown side by side and the "
                        + "findings matched by kind and site: new, gone or unchanged."},
        mixinStandardHelpOptions = true,
        versionProvider = ThreadwatchCommand.VersionProvider.class,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Success: no new finding at or above --fail-on-new.",
                "1:A new finding at or above --fail-on-new (in AFTER, not in BEFORE).",
                ExitCodes.USAGE_HELP,
                "3:BEFORE or AFTER cannot be read: missing, empty, neither a recording nor a thread dump, unreadable.",
                ExitCodes.INTERNAL_HELP})
final class DiffCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BEFORE", description = "The earlier recording or thread dump.")
    Path before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "The later recording or thread dump.")
    Path after;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text (the default: what changed, for a terminal), json (threadwatch.diff/v1, "
                    + "see 'threadwatch schema --diff') or html (one offline page; write it with -o diff.html).")
    String format;

    @Option(names = "--fail-on-new", paramLabel = "SEVERITY", converter = Converters.SeverityConverter.class,
            description = "Exit with 1 when AFTER has a finding at least this severe (info, warning or critical) that "
                    + "BEFORE does not have (same kind at the same site): a gate for CI after a deploy or a load test. "
                    + "Needs two recordings: thread dumps have no findings. Default: never.")
    Severity failOnNew;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the diff to FILE instead of standard output.")
    Path output;

    @Option(names = "--stuck-threshold", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            defaultValue = "20s",
            description = "For recordings: how long a thread must stay blocked without timeout to count as stuck. "
                    + "Default: ${DEFAULT-VALUE}.")
    java.time.Duration stuckThreshold;

    @Override
    public Integer call() {
        DiffFormat diffFormat = Arrays.stream(DiffFormat.values()).filter(f -> f.id().equals(format.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new CommandFailure(ExitCodes.USAGE,
                        "unknown format '" + format + "': text, json or html"));
        AnalysisOptions options = AnalysisOptions.defaults().withStuckThreshold(stuckThreshold);
        DiffReport diff;
        try {
            Snapshot was = Inputs.read(before, options);
            Snapshot is = Inputs.read(after, options);
            diff = ThreadDiff.compare(was, is);
        } catch (InputException e) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, e.getMessage());
        }
        write(diff, diffFormat);
        if (failOnNew != null && diff.findings().stream().anyMatch(f -> f.status().equals("new")
                && Severity.fromId(f.severity()).isAtLeast(failOnNew))) {
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }

    private void write(DiffReport diff, DiffFormat diffFormat) {
        if (output == null) {
            try {
                diffFormat.write(diff, spec.commandLine().getOut());
            } catch (IOException e) {
                throw new CommandFailure(ExitCodes.INTERNAL, "cannot write the diff: " + e.getMessage());
            }
            return;
        }
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            diffFormat.write(diff, out);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.USAGE, "cannot write '" + output + "': " + e.getMessage());
        }
    }
}
