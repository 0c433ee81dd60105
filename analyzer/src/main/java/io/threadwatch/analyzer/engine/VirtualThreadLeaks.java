package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.rules.Sample;
import io.threadwatch.rules.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The virtual-thread leak detector's SLIs: the live count, and per site where the live ones were
 * last seen, the growth of their number ({@link GrowthTrend}). Only when the recording tracks
 * virtual-thread starts: otherwise a count of zero would read as health.
 */
final class VirtualThreadLeaks implements SliProducer {

    private final VirtualThreads virtualThreads;
    private final RecordingSettings recordingSettings;
    private final GrowthTrend<Site> trend;

    VirtualThreadLeaks(VirtualThreads virtualThreads, RecordingSettings recordingSettings, EngineSettings settings) {
        this.virtualThreads = virtualThreads;
        this.recordingSettings = recordingSettings;
        this.trend = new GrowthTrend<>(settings.origin(), settings.window(), settings.leakSpanWindows(),
                EngineSettings.MIN_TREND_POINTS);
    }

    @Override
    public List<Sample> closeWindow(Window window) {
        if (!virtualThreads.anyStarted()
                && !recordingSettings.enabled(JfrEventNames.VIRTUAL_THREAD_START).orElse(false)) {
            return List.of();
        }
        List<Sample> samples = new ArrayList<>();
        samples.add(Sli.VTHREADS_LIVE.sample(virtualThreads.liveCount()));
        for (Map.Entry<Site, Long> entry : virtualThreads.liveBySite().entrySet()) {
            Site site = entry.getKey();
            if (entry.getValue() > 0 || trend.tracks(site)) {
                trend.add(site, window.end(), entry.getValue());
            }
            for (GrowthTrend.Line line : trend.lines(site, false)) {
                String horizon = line.horizon().label();
                samples.add(Sli.VTHREADS_LEAK_RATE.sample(line.perHour(), "site", site.label(), "horizon", horizon));
                samples.add(Sli.VTHREADS_LEAK_PVALUE.sample(line.pValue(), "site", site.label(), "horizon", horizon));
                samples.add(Sli.VTHREADS_LEAK_GROWTH.sample(line.recentGrowth(), "site", site.label(), "horizon", horizon));
            }
        }
        trend.forgetIdle();
        return samples;
    }
}
