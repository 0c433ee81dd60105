package io.threadwatch.analyzer.engine;

import io.threadwatch.rules.RuleSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How the engine cuts and judges a recording.
 *
 * @param origin          where the first window starts
 * @param window          the window length
 * @param stuckThreshold  how long a thread must stay blocked, without timeout, to be stuck
 * @param leakSpanWindows how many of the latest windows the leak regression spans
 * @param infrastructure  package prefixes skipped, like the JDK's, when looking for a site
 * @param rules           the rules to run
 * @param keepSlis        whether to keep every window's SLIs for the report
 */
public record EngineSettings(Instant origin, Duration window, Duration stuckThreshold, int leakSpanWindows,
                             List<String> infrastructure, RuleSet rules, boolean keepSlis) {

    /** The default stuck threshold: long past any sane wait for a result. */
    public static final Duration DEFAULT_STUCK_THRESHOLD = Duration.ofSeconds(20);
    /** The default leak span, in windows. */
    public static final int DEFAULT_LEAK_SPAN = 8;
    /** Fewer window-end points than this give no leak trend. */
    static final int MIN_TREND_POINTS = 4;

    public EngineSettings {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(stuckThreshold, "stuckThreshold");
        infrastructure = List.copyOf(infrastructure);
        Objects.requireNonNull(rules, "rules");
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive, not " + window);
        }
        if (stuckThreshold.isZero() || stuckThreshold.isNegative()) {
            throw new IllegalArgumentException("stuck threshold must be positive, not " + stuckThreshold);
        }
        if (leakSpanWindows < MIN_TREND_POINTS) {
            throw new IllegalArgumentException("leak span must be at least " + MIN_TREND_POINTS + " windows");
        }
    }
}
