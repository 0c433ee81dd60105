package io.threadwatch.analyzer.engine;

import io.threadwatch.rules.Catalog;
import io.threadwatch.rules.RuleSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How the engine cuts and judges a recording.
 *
 * @param origin          where the first window starts (the start of the observation)
 * @param window          the window length
 * @param stuckThreshold  how long a thread must stay blocked, without timeout, to be stuck
 * @param leakSpanWindows how many of the latest windows the recent leak horizon spans
 * @param catalog         infrastructure packages, idle waits and service threads (see {@link Catalog})
 * @param rules           the rules to run
 * @param keepSlis        whether to keep every window's SLIs for the report
 */
public record EngineSettings(Instant origin, Duration window, Duration stuckThreshold, int leakSpanWindows,
                             Catalog catalog, RuleSet rules, boolean keepSlis) {

    /** The default stuck threshold: long past any sane wait for a result. */
    public static final Duration DEFAULT_STUCK_THRESHOLD = Duration.ofSeconds(20);
    /** The default recent leak horizon, in windows. */
    public static final int DEFAULT_LEAK_SPAN = 8;
    /** Fewer window-end points than this give no leak trend. */
    static final int MIN_TREND_POINTS = 4;

    public EngineSettings {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(stuckThreshold, "stuckThreshold");
        Objects.requireNonNull(catalog, "catalog");
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
