package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.rules.Sample;
import io.threadwatch.rules.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform-thread leak detector's SLIs: per creation site, the start rate, the live count and
 * the growth of that count ({@link GrowthTrend}: rate, p-value and recent growth per horizon).
 * A site whose idle threads wait on one shared queue is one pool, which may fill up over minutes,
 * so its growth is judged over an hour or more only.
 */
final class PlatformThreadLeaks implements SliProducer {

    /** Why a site's growth is judged over an hour only. */
    private static final String ONE_POOL_REASON = "its idle threads wait on one shared queue in the thread dumps: the "
            + "workers of one pool, which may fill up over minutes; its growth is judged over an hour or more only";

    private final ThreadLedger ledger;
    private final GrowthTrend<Site> trend;
    private final Explanations explanations;

    PlatformThreadLeaks(ThreadLedger ledger, EngineSettings settings, Explanations explanations) {
        this.ledger = ledger;
        this.trend = new GrowthTrend<>(settings.origin(), settings.window(), settings.leakSpanWindows(),
                EngineSettings.MIN_TREND_POINTS);
        this.explanations = explanations;
    }

    @Override
    public List<Sample> closeWindow(Window window) {
        List<Sample> samples = new ArrayList<>();
        double seconds = window.length().toNanos() / 1e9;
        for (ThreadLedger.SiteThreads site : ledger.sites()) {
            String label = site.site.label();
            if (site.startedInWindow > 0) {
                samples.add(Sli.THREADS_START_RATE.sample(site.startedInWindow / seconds, "site", label));
            }
            if (!site.live.isEmpty() || trend.tracks(site.site)) {
                trend.add(site.site, window.end(), site.live.size());
                samples.add(Sli.THREADS_SITE_LIVE.sample(site.live.size(), "site", label));
            }
            boolean onePool = site.poolShape == PoolShape.ONE_POOL;
            if (onePool && !site.live.isEmpty()) {
                Explanations.Entry entry = explanations.entry("one-pool", ONE_POOL_REASON, label);
                if (entry != null) {
                    entry.observed();
                }
            }
            for (GrowthTrend.Line line : trend.lines(site.site, onePool)) {
                String horizon = line.horizon().label();
                samples.add(Sli.THREADS_LEAK_RATE.sample(line.perHour(), "site", label, "horizon", horizon));
                samples.add(Sli.THREADS_LEAK_PVALUE.sample(line.pValue(), "site", label, "horizon", horizon));
                samples.add(Sli.THREADS_LEAK_GROWTH.sample(line.recentGrowth(), "site", label, "horizon", horizon));
            }
        }
        ledger.resetWindowStarts();
        trend.forgetIdle();
        return samples;
    }
}
