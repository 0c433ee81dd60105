package io.threadwatch.recorder;

import io.threadwatch.analyzer.AnalysisOptions;
import io.threadwatch.analyzer.engine.EngineSettings;
import io.threadwatch.rules.Catalog;
import io.threadwatch.rules.CatalogLoader;
import io.threadwatch.rules.RuleSet;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to watch a JVM. Start from {@link #defaults()} and change what you need.
 *
 * @param window           window length: SLIs are published and rules judged once per window
 * @param stuckThreshold   how long a thread must stay blocked, without timeout, to be stuck
 * @param threadDumpPeriod how often JFR takes a thread dump (stuck threads and deadlocks are seen only in dumps)
 * @param blockingThreshold parks, monitor waits and enters, sleeps and socket reads shorter than this are not recorded
 * @param leakSpanWindows  how many of the latest windows the recent leak horizon spans
 * @param catalog          infrastructure packages, idle waits and service threads ({@link Catalog})
 * @param rules            the rules to run
 * @param evidence         where to write the evidence of each finding that fires; empty for nowhere
 * @param evidenceMaxBytes the evidence directory's bound: older captures are deleted past it
 * @param snapshotAge      how much recent recording a {@code .jfr} snapshot holds
 * @param jsonLines        where to write JSON Lines: a file, {@code -} for standard output, or empty
 * @param prometheus       where to serve the meters for Prometheus; empty for not at all
 * @param topSites         most label sets per SLI published as meters
 */
public record WatchOptions(Duration window, Duration stuckThreshold, Duration threadDumpPeriod,
                           Duration blockingThreshold, int leakSpanWindows,
                           Catalog catalog, RuleSet rules, Optional<Path> evidence, long evidenceMaxBytes,
                           Duration snapshotAge, Optional<Path> jsonLines, Optional<InetSocketAddress> prometheus,
                           int topSites) {

    /**
     * The live window. Short enough that a leak of one thread every two seconds fires within three
     * minutes: the leak trend needs 4 window ends and the rule 3 windows in a row.
     */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(20);
    /** Thread dumps every 10 s: a 20 s stuck thread is confirmed by three dumps. */
    public static final Duration DEFAULT_THREAD_DUMP_PERIOD = Duration.ofSeconds(10);
    /** The JDK's own threshold for blocking events, as in its {@code default} settings. */
    public static final Duration DEFAULT_BLOCKING_THRESHOLD = Duration.ofMillis(20);
    /** The evidence directory's default bound. */
    public static final long DEFAULT_EVIDENCE_MAX_BYTES = 256L << 20;
    /** A snapshot holds the last 5 minutes. */
    public static final Duration DEFAULT_SNAPSHOT_AGE = Duration.ofMinutes(5);
    /** Label sets per SLI published as meters. */
    public static final int DEFAULT_TOP_SITES = 10;

    public WatchOptions {
        positive(window, "window");
        positive(stuckThreshold, "stuck threshold");
        positive(threadDumpPeriod, "thread dump period");
        positive(blockingThreshold, "blocking threshold");
        positive(snapshotAge, "snapshot age");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(jsonLines, "jsonLines");
        Objects.requireNonNull(prometheus, "prometheus");
        if (evidenceMaxBytes <= 0) {
            throw new IllegalArgumentException("the evidence bound must be positive, not " + evidenceMaxBytes);
        }
        if (topSites < 1) {
            throw new IllegalArgumentException("topSites must be at least 1, not " + topSites);
        }
    }

    /** 20 s windows, the built-in rules, meters only: no files, no JSON Lines, no Prometheus endpoint. */
    public static WatchOptions defaults() {
        return new WatchOptions(DEFAULT_WINDOW, EngineSettings.DEFAULT_STUCK_THRESHOLD, DEFAULT_THREAD_DUMP_PERIOD,
                DEFAULT_BLOCKING_THRESHOLD, EngineSettings.DEFAULT_LEAK_SPAN,
                CatalogLoader.builtIn(),
                AnalysisOptions.ruleLoader().builtIn(), Optional.empty(), DEFAULT_EVIDENCE_MAX_BYTES,
                DEFAULT_SNAPSHOT_AGE, Optional.empty(), Optional.empty(), DEFAULT_TOP_SITES);
    }

    public WatchOptions withWindow(Duration window) {
        return new WatchOptions(window, stuckThreshold, threadDumpPeriod, blockingThreshold, leakSpanWindows,
                catalog, rules, evidence, evidenceMaxBytes, snapshotAge, jsonLines, prometheus, topSites);
    }

    public WatchOptions withStuckThreshold(Duration stuckThreshold) {
        return new WatchOptions(window, stuckThreshold, threadDumpPeriod, blockingThreshold, leakSpanWindows,
                catalog, rules, evidence, evidenceMaxBytes, snapshotAge, jsonLines, prometheus, topSites);
    }

    public WatchOptions withThreadDumpPeriod(Duration threadDumpPeriod) {
        return new WatchOptions(window, stuckThreshold, threadDumpPeriod, blockingThreshold, leakSpanWindows,
                catalog, rules, evidence, evidenceMaxBytes, snapshotAge, jsonLines, prometheus, topSites);
    }

    public WatchOptions withBlockingThreshold(Duration blockingThreshold) {
        return new WatchOptions(window, stuckThreshold, threadDumpPeriod, blockingThreshold, leakSpanWindows,
                catalog, rules, evidence, evidenceMaxBytes, snapshotAge, jsonLines, prometheus, topSites);
    }

    /** With this catalog (e.g. the built-in one with a user file's entries added). */
    public WatchOptions withCatalog(Catalog catalog) {
        return new WatchOptions(window, stuckThreshold, threadDumpPeriod, blockingThreshold, leakSpanWindows,
                catalog, rules, evidence, evidenceMaxBytes, snapshotAge, jsonLines, prometheus, topSites);
    }

    /** With more infrastructure packages, as {@code --infra-package} adds them. */
    public WatchOptions withInfrastructure(List<String> packages) {
        return withCatalog(catalog.withInfrastructure(packages, "--infra-package"));
    }

    public WatchOptions withRules(RuleSet rules) {
        return new WatchOptions(window, stuckThreshold, threadDumpPeriod, blockingThreshold, leakSpanWindows,
                catalog, rules, evidence, evidenceMaxBytes, snapshotAge, jsonLines, prometheus, topSites);
    }

    /** Evidence written to {@code directory}, bounded to {@code maxBytes}. */
    public WatchOptions withEvidence(Path directory, long maxBytes) {
        return new WatchOptions(window, stuckThreshold, threadDumpPeriod, blockingThreshold, leakSpanWindows,
                catalog, rules, Optional.of(directory), maxBytes, snapshotAge, jsonLines, prometheus,
                topSites);
    }

    public WatchOptions withSnapshotAge(Duration snapshotAge) {
        return new WatchOptions(window, stuckThreshold, threadDumpPeriod, blockingThreshold, leakSpanWindows,
                catalog, rules, evidence, evidenceMaxBytes, snapshotAge, jsonLines, prometheus, topSites);
    }

    /** JSON Lines to a file, or to standard output for {@code -}. */
    public WatchOptions withJsonLines(Path target) {
        return new WatchOptions(window, stuckThreshold, threadDumpPeriod, blockingThreshold, leakSpanWindows,
                catalog, rules, evidence, evidenceMaxBytes, snapshotAge, Optional.of(target), prometheus,
                topSites);
    }

    public WatchOptions withPrometheus(InetSocketAddress address) {
        return new WatchOptions(window, stuckThreshold, threadDumpPeriod, blockingThreshold, leakSpanWindows,
                catalog, rules, evidence, evidenceMaxBytes, snapshotAge, jsonLines, Optional.of(address),
                topSites);
    }

    public WatchOptions withTopSites(int topSites) {
        return new WatchOptions(window, stuckThreshold, threadDumpPeriod, blockingThreshold, leakSpanWindows,
                catalog, rules, evidence, evidenceMaxBytes, snapshotAge, jsonLines, prometheus, topSites);
    }

    private static void positive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, not " + duration);
        }
    }
}
