package io.threadwatch.analyzer;

import io.threadwatch.analyzer.engine.EngineSettings;
import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.analyzer.source.Parser;
import io.threadwatch.analyzer.source.RecordingLimits;
import io.threadwatch.rules.Catalog;
import io.threadwatch.rules.RuleLoader;
import io.threadwatch.rules.RuleSet;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to analyze a recording. Start from {@link #defaults()} and change what you need.
 *
 * @param window          the window length; empty for automatic: 1 minute, or a tenth of a
 *                        recording shorter than 10 minutes, in whole seconds (at least 1 s)
 * @param stuckThreshold  how long a thread must stay blocked, without timeout, to be stuck
 * @param leakSpanWindows how many of the latest windows the recent leak horizon spans
 * @param catalog         infrastructure packages, idle waits and service threads: what the
 *                        structure of a stack cannot tell ({@link Catalog})
 * @param rules           the rules to run
 * @param limits          bounds on the input
 * @param keepSlis        whether the report lists every window's SLIs
 * @param parser          the parser to read with; empty for Threadwatch's own, with JMC's taking
 *                        over a file it cannot read
 */
public record AnalysisOptions(Optional<Duration> window, Duration stuckThreshold, int leakSpanWindows,
                              Catalog catalog, RuleSet rules, RecordingLimits limits, boolean keepSlis,
                              Optional<Parser> parser) {

    /** The window length of long recordings. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    /** A recording gets at least this many windows when no window is given. */
    public static final int MIN_AUTO_WINDOWS = 10;

    public AnalysisOptions {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(stuckThreshold, "stuckThreshold");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(parser, "parser");
        window.ifPresent(w -> {
            if (w.isZero() || w.isNegative()) {
                throw new IllegalArgumentException("window must be positive, not " + w);
            }
        });
    }

    /** Automatic windows, a 20 s stuck threshold, the built-in catalog and the built-in rules. */
    public static AnalysisOptions defaults() {
        // The rules first: when BuiltIns.preload() is still reading the catalog, they are read beside it.
        RuleSet rules = BuiltIns.rules();
        return new AnalysisOptions(Optional.empty(), EngineSettings.DEFAULT_STUCK_THRESHOLD,
                EngineSettings.DEFAULT_LEAK_SPAN, BuiltIns.catalog(), rules, RecordingLimits.DEFAULT, true,
                Optional.empty());
    }

    /** A rule loader that knows every SLI, for the built-in pack and user rule files. */
    public static RuleLoader ruleLoader() {
        return RuleLoader.forSlis(Sli.ids());
    }

    public AnalysisOptions withWindow(Duration window) {
        return new AnalysisOptions(Optional.of(window), stuckThreshold, leakSpanWindows, catalog, rules, limits,
                keepSlis, parser);
    }

    public AnalysisOptions withStuckThreshold(Duration threshold) {
        return new AnalysisOptions(window, threshold, leakSpanWindows, catalog, rules, limits, keepSlis, parser);
    }

    /** With this catalog (e.g. the built-in one with a user file's entries added). */
    public AnalysisOptions withCatalog(Catalog catalog) {
        return new AnalysisOptions(window, stuckThreshold, leakSpanWindows, catalog, rules, limits, keepSlis, parser);
    }

    /** With more infrastructure packages, as {@code --infra-package} adds them. */
    public AnalysisOptions withInfrastructure(List<String> packages) {
        return withCatalog(catalog.withInfrastructure(packages, "--infra-package"));
    }

    public AnalysisOptions withRules(RuleSet rules) {
        return new AnalysisOptions(window, stuckThreshold, leakSpanWindows, catalog, rules, limits, keepSlis, parser);
    }

    public AnalysisOptions withLimits(RecordingLimits limits) {
        return new AnalysisOptions(window, stuckThreshold, leakSpanWindows, catalog, rules, limits, keepSlis, parser);
    }

    /** Reads with {@code parser} only, with no fallback. */
    public AnalysisOptions withParser(Parser parser) {
        return new AnalysisOptions(window, stuckThreshold, leakSpanWindows, catalog, rules, limits, keepSlis,
                Optional.of(parser));
    }

    /** The window for a recording that spans {@code span}. */
    public Duration windowFor(Duration span) {
        if (window.isPresent()) {
            return window.get();
        }
        if (span.compareTo(DEFAULT_WINDOW.multipliedBy(MIN_AUTO_WINDOWS)) >= 0) {
            return DEFAULT_WINDOW;
        }
        return Duration.ofSeconds(Math.max(1, span.toSeconds() / MIN_AUTO_WINDOWS));
    }
}
