package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.analyzer.result.Values;
import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.rules.EvidenceRole;
import io.threadwatch.rules.Sample;
import io.threadwatch.rules.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The virtual-thread leak detector's SLIs: the live count, and per site where the live ones were
 * last seen, the growth of their number ({@link GrowthTrend}). Only when the recording tracks
 * virtual-thread starts: otherwise a count of zero would read as health. Its evidence is where the
 * live ones were last seen.
 */
final class VirtualThreadLeaks implements SliProducer, EvidenceProducer {

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

    @Override
    public Set<EvidenceRole> roles() {
        return Set.of(EvidenceRole.LAST_SEEN);
    }

    /** How many live virtual threads were last seen at the site, by which name, at which stack. */
    @Override
    public List<Evidence> evidence(EvidenceRole role, Site site, SortedMap<String, String> labels) {
        if (site == null) {
            return List.of();
        }
        long live = virtualThreads.liveAt(site);
        String where = site == Site.UNSEEN
                ? "never seen at an application frame: JFR recorded no execution sample, sleep, socket read or pinned "
                        + "wait of theirs, so where they wait is unknown"
                : "last seen here (their latest execution sample, sleep, socket read or pinned wait)";
        List<String> families = virtualThreads.familiesAt(site);
        return List.of(new Evidence("last-seen", live, families, StackLines.of(virtualThreads.lastStackAt(site)),
                live + " of " + virtualThreads.liveCount() + " live virtual threads (" + virtualThreads.startedTotal()
                        + " started during the recording) were " + where
                        + byName(families)));
    }

    /**
     * The unseen group's growth as evidence of a located virtual-thread leak: the threads no event
     * showed at an application frame, whose live count grew at up to {@code perHour}.
     */
    List<Evidence> unseenAlsoGrowing(double perHour) {
        long live = virtualThreads.liveAt(Site.UNSEEN);
        List<String> families = virtualThreads.familiesAt(Site.UNSEEN);
        return List.of(new Evidence("last-seen", live, families, List.of(),
                live + " more of " + virtualThreads.liveCount() + " live virtual threads were never seen at an "
                        + "application frame, and their number grew too (up to " + Values.forPeople(perHour)
                        + " threads/hour): most likely threads of this leak that parked before JFR sampled them"
                        + byName(families)));
    }

    /** {@code ; by name: a-# (3), (unnamed) (2)}, or nothing when no family is known. */
    private static String byName(List<String> families) {
        return families.isEmpty() ? "" : "; by name: " + String.join(", ", families);
    }
}
