package io.threadwatch.recorder.cli;

import io.threadwatch.analyzer.cli.Converters;
import io.threadwatch.analyzer.cli.RuleFlags;
import io.threadwatch.recorder.WatchOptions;
import io.threadwatch.rules.RuleFileException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of a watch, shared by {@code watch}, {@code attach} and the agent: the agent's
 * {@code key=value,...} options are these flags without their dashes.
 */
public final class WatchFlags {

    /** Where the agent writes evidence and JSON Lines unless told otherwise, in the JVM's working directory. */
    public static final String AGENT_OUTPUT = "threadwatch";
    /** The JSON Lines file in the output directory. */
    public static final String JSONL_FILE = "threadwatch.jsonl";
    /** The value that switches an output off. */
    public static final String NONE = "none";

    @Option(names = "--window", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "Window length: SLIs are published and rules judged once per window. Default: 20s.")
    Duration window;

    @Option(names = "--stuck-threshold", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "How long a thread must stay blocked without timeout to count as stuck. Default: 20s.")
    Duration stuckThreshold;

    @Option(names = "--thread-dump-period", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "How often JFR takes a thread dump; stuck threads and deadlocks are seen only in dumps. "
                    + "Default: 10s.")
    Duration threadDumpPeriod;

    @Option(names = "--blocking-threshold", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "Parks, monitor waits and enters, sleeps, socket reads and pinned waits shorter than this "
                    + "are not recorded. Default: 20ms (the JDK's).")
    Duration blockingThreshold;

    @Mixin
    RuleFlags ruleFlags;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Directory for the evidence of each finding that fires: the finding (.finding.json), "
                    + "a full thread dump (.threads.json on JDK 21+, .threads.txt on 17 or over JMX) and the "
                    + "last minutes of recording (.jfr). 'none' for no files. Agent default: ./" + AGENT_OUTPUT
                    + "; watch default: none.")
    String output;

    @Option(names = "--evidence-max-size", paramLabel = "SIZE", converter = Converters.SizeConverter.class,
            description = "Bound of the evidence in the output directory; the oldest captures are deleted past it. "
                    + "The JSON Lines file rotates at a quarter of it. Default: 256m.")
    Long evidenceMaxSize;

    @Option(names = "--snapshot-age", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "How much recent recording each .jfr snapshot holds. Default: 5m.")
    Duration snapshotAge;

    @Option(names = "--jsonl", paramLabel = "FILE",
            description = "Where to write JSON Lines (one line per window with its SLIs, one per finding that "
                    + "fires or clears): a file, '-' for standard output, or 'none'. Agent default: "
                    + JSONL_FILE + " in the output directory; watch default: -.")
    String jsonLines;

    @Option(names = "--prometheus", paramLabel = "[HOST:]PORT",
            description = "Serve the meters for Prometheus at http://HOST:PORT/metrics (HOST defaults to all "
                    + "interfaces). Default: not served.")
    String prometheus;

    @Option(names = "--sync-start", arity = "0..1", paramLabel = "true|false",
            description = "Agent only: start the watch before the application's main method, waiting (up to 60 s) "
                    + "until JFR is streaming, so that a short-lived program is watched from its first line. "
                    + "Default: false (the watch starts in the background and never delays start-up).")
    boolean syncStart;

    @Option(names = "--top-sites", paramLabel = "N",
            description = "Most label sets (sites) per SLI published as meters; JSON Lines keep all. Default: 10.")
    Integer topSites;

    /** Whether the agent should wait for the watch to stream before the application starts. */
    public boolean syncStart() {
        return syncStart;
    }

    /**
     * The options these flags give, over {@code defaults}: the output directory and JSON Lines
     * target when none is given are {@code defaultOutput} and {@code defaultJsonLines} (each may
     * be {@link #NONE}; a JSON Lines file name resolves in the output directory).
     *
     * @throws RuleFileException       when the rule file cannot be used
     * @throws IllegalArgumentException when a value is out of range
     */
    public WatchOptions toOptions(String defaultOutput, String defaultJsonLines) throws RuleFileException {
        WatchOptions options = WatchOptions.defaults();
        if (window != null) {
            options = options.withWindow(window);
        }
        if (stuckThreshold != null) {
            options = options.withStuckThreshold(stuckThreshold);
        }
        if (threadDumpPeriod != null) {
            options = options.withThreadDumpPeriod(threadDumpPeriod);
        }
        if (blockingThreshold != null) {
            options = options.withBlockingThreshold(blockingThreshold);
        }
        options = options.withRules(ruleFlags.rules(options.rules())).withCatalog(ruleFlags.catalog(options.catalog()));
        if (snapshotAge != null) {
            options = options.withSnapshotAge(snapshotAge);
        }
        if (topSites != null) {
            if (topSites < 1) {
                throw new IllegalArgumentException("--top-sites must be at least 1, not " + topSites);
            }
            options = options.withTopSites(topSites);
        }
        long maxBytes = evidenceMaxSize == null ? WatchOptions.DEFAULT_EVIDENCE_MAX_BYTES : evidenceMaxSize;
        String directory = output == null ? defaultOutput : output;
        if (!directory.equals(NONE)) {
            options = options.withEvidence(Path.of(directory), maxBytes);
        }
        String lines = jsonLines == null ? defaultJsonLines : jsonLines;
        if (!lines.equals(NONE)) {
            Path target = Path.of(lines);
            if (jsonLines == null && !lines.equals("-") && !directory.equals(NONE)) {
                target = Path.of(directory).resolve(lines);
            }
            options = options.withJsonLines(target);
        }
        if (prometheus != null) {
            options = options.withPrometheus(address(prometheus));
        }
        return options;
    }

    private static InetSocketAddress address(String value) {
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "" : value.substring(0, colon);
        String port = value.substring(colon + 1);
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 0 || number > 65_535) {
            throw new IllegalArgumentException("--prometheus: '" + value + "' is not [HOST:]PORT with a port 0-65535");
        }
        return host.isEmpty() ? new InetSocketAddress(number) : new InetSocketAddress(host, number);
    }
}
