package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.analyzer.result.Values;
import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.rules.EvidenceRole;
import io.threadwatch.rules.FindingKind;
import io.threadwatch.rules.Firing;
import io.threadwatch.rules.Sample;
import io.threadwatch.rules.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The platform-thread leak detector's SLIs: per creation site, the start rate, the live count and
 * the growth of that count ({@link GrowthTrend}: rate, p-value and recent growth per horizon).
 * A site whose idle threads wait on one shared queue is one pool, which may fill up over minutes,
 * so its growth is judged over an hour or more only. Its evidence is the threads of a site: where
 * they were started and which are still alive, for a leak and for the stuck threads of a dump.
 */
final class PlatformThreadLeaks implements SliProducer, EvidenceProducer {

    /** Why a site's growth is judged over an hour only. */
    private static final String ONE_POOL_REASON = "its idle threads wait on one shared queue in the thread dumps: the "
            + "workers of one pool, which may fill up over minutes; its growth is judged over an hour or more only";

    private final ThreadLedger ledger;
    private final GrowthTrend<Site> trend;
    private final Explanations explanations;
    private final DumpAnalysis dumps;

    PlatformThreadLeaks(ThreadLedger ledger, DumpAnalysis dumps, EngineSettings settings, Explanations explanations) {
        this.ledger = ledger;
        this.dumps = dumps;
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

    /**
     * The firings, less the thread-leak episodes that ended before the recording did and whose
     * site has no thread alive at its end: every thread it started ended, so nothing leaked. The
     * growth was a component starting (a second cluster member in the same JVM) and stopping with
     * the service, which the trend, judging one window at a time, could not yet tell from a leak.
     */
    List<Firing> withoutLeaksThatEnded(List<Firing> firings) {
        List<Firing> kept = new ArrayList<>(firings.size());
        for (Firing firing : firings) {
            if (firing.rule().kind() != FindingKind.THREAD_LEAK || firing.active() || !allEnded(firing.labels().get("site"))) {
                kept.add(firing);
            }
        }
        return kept;
    }

    private boolean allEnded(String siteLabel) {
        for (ThreadLedger.SiteThreads site : ledger.sites()) {
            if (site.site.label().equals(siteLabel)) {
                return site.startedTotal > 0 && site.live.isEmpty();
            }
        }
        return false;
    }

    @Override
    public Set<EvidenceRole> roles() {
        return Set.of(EvidenceRole.CREATION_SITE, EvidenceRole.LIVE_THREADS);
    }

    @Override
    public List<Evidence> evidence(EvidenceRole role, Site site, SortedMap<String, String> labels) {
        if (site == null) {
            return List.of();
        }
        return role == EvidenceRole.LIVE_THREADS ? liveThreads(site) : creationSites(site);
    }

    /**
     * The creation site of the threads the finding is about: the site itself for thread findings,
     * the creation sites of the stuck threads for blocked-forever.
     */
    private List<Evidence> creationSites(Site site) {
        List<Site> creationSites = new ArrayList<>();
        if (ledger.site(site) != null) {
            creationSites.add(site);
        } else {
            Map<Site, Long> bySite = new TreeMap<>();
            for (StuckThread stuck : dumps.lastStuckAt(site)) {
                TrackedThread thread = ledger.get(stuck.threadId());
                if (thread != null && thread.creationSite != null) {
                    bySite.merge(thread.creationSite, 1L, Long::sum);
                }
            }
            bySite.entrySet().stream().sorted(Map.Entry.<Site, Long>comparingByValue().reversed()).limit(2)
                    .forEach(e -> creationSites.add(e.getKey()));
        }
        List<Evidence> evidence = new ArrayList<>();
        for (Site creation : creationSites) {
            ThreadLedger.SiteThreads threads = ledger.site(creation);
            List<String> live = ledger.liveAt(creation).stream().map(t -> t.name).toList();
            StringBuilder detail = new StringBuilder();
            detail.append(threads.startedTotal).append(" threads started here during the recording, ")
                    .append(threads.live.size()).append(" still alive at its end");
            List<String> families = ledger.familiesAt(creation);
            if (!families.isEmpty()) {
                detail.append("; by name: ").append(String.join(", ", families));
            }
            if (!threads.application) {
                detail.append("; no application frame started them: the site is the first frame outside the JDK's "
                        + "thread machinery, grouped by thread name");
            }
            if (threads.poolShape == PoolShape.PER_CALL) {
                detail.append("; in the thread dumps each waits on an object of its own: a new pool, timer or worker per call");
            } else if (threads.poolShape == PoolShape.ONE_POOL) {
                detail.append("; in the thread dumps they wait on one shared object: the workers of one pool");
            }
            evidence.add(new Evidence("creation-site", threads.startedTotal, live,
                    StackLines.of(threads.stacks.top(Stack.EMPTY)), detail.toString()));
        }
        return evidence;
    }

    /** The site's threads alive at the end, oldest first, and the stack most of them waited at in the latest dump. */
    private List<Evidence> liveThreads(Site site) {
        List<TrackedThread> live = ledger.liveAt(site);
        if (live.isEmpty()) {
            return List.of();
        }
        TrackedThread oldest = live.get(0);
        Map<String, List<TrackedThread>> byWait = new LinkedHashMap<>();
        for (TrackedThread thread : live) {
            if (thread.lastDumpWait != null) {
                byWait.computeIfAbsent(thread.lastDumpWait, k -> new ArrayList<>()).add(thread);
            }
        }
        List<TrackedThread> most = byWait.values().stream().max(Comparator.comparingInt(List::size)).orElse(List.of());
        StringBuilder detail = new StringBuilder();
        detail.append(live.size()).append(" threads from this site alive at the end; the oldest, ").append(oldest.name)
                .append(oldest.started == null ? ", was there before the recording started"
                        : ", started at " + Values.instant(oldest.started));
        if (!most.isEmpty()) {
            detail.append("; ").append(most.size()).append(" of them wait at the stack shown in the latest dump");
            WaitJudge.Reason reason = most.get(0).lastDumpReason;
            if (reason == WaitJudge.Reason.OWN_LOOP || reason == WaitJudge.Reason.POLL_TIMED_OUT) {
                // Alive and idle in a loop of their own: started by something that never stops them.
                detail.append(reason == WaitJudge.Reason.OWN_LOOP
                        ? "; that wait is their own loop (they keep coming back to it, waiting for work)"
                        : "; that wait is their own loop (a timed poll that keeps finding nothing)");
            }
        }
        return List.of(new Evidence("live-threads", live.size(), live.stream().map(t -> t.name).toList(),
                most.isEmpty() ? List.of() : most.get(0).lastDumpLines, detail.toString()));
    }
}
