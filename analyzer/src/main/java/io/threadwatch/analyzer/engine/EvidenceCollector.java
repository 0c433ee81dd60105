package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.report.Evidence;
import io.threadwatch.analyzer.report.Values;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.rules.EvidenceRole;
import io.threadwatch.rules.FindingKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the evidence a rule asks for, from the engine's state at the end of the recording: one
 * builder per {@link EvidenceRole}.
 */
final class EvidenceCollector {

    private final ThreadLedger ledger;
    private final BlockingStats blocking;
    private final DumpAnalysis dumps;
    private final VirtualThreads virtualThreads;
    private final PinningStats pinning;
    private final HeapAndGc heap;
    private final LeakCandidates leakCandidates;

    EvidenceCollector(ThreadLedger ledger, BlockingStats blocking, DumpAnalysis dumps, VirtualThreads virtualThreads,
                      PinningStats pinning, HeapAndGc heap, LeakCandidates leakCandidates) {
        this.ledger = ledger;
        this.blocking = blocking;
        this.dumps = dumps;
        this.virtualThreads = virtualThreads;
        this.pinning = pinning;
        this.heap = heap;
        this.leakCandidates = leakCandidates;
    }

    /**
     * Where the evidence points when the firing SLI has no site label: the allocation site of most
     * leak candidates, or {@code null}.
     */
    Site siteOf(Set<EvidenceRole> roles) {
        return roles.contains(EvidenceRole.LEAK_CANDIDATES) ? leakCandidates.topSite() : null;
    }

    /**
     * How sure a finding of {@code kind} at {@code site} is, from the evidence behind it: stuck
     * threads by how their blocked time is known; a leak by the horizon its trend held over (an
     * hour or the whole observation, or threads that each wait on their own pool, confirm it;
     * recent windows alone estimate it); everything measured directly by events is confirmed.
     */
    Confidence confidence(FindingKind kind, Site site, SortedMap<String, String> labels) {
        switch (kind) {
            case BLOCKED_FOREVER: {
                Confidence strongest = null;
                for (StuckThread stuck : site == null ? List.<StuckThread>of() : dumps.lastStuckAt(site)) {
                    strongest = strongest == null ? stuck.confidence() : strongest.strongest(stuck.confidence());
                }
                return strongest == null ? Confidence.ESTIMATED : strongest;
            }
            case THREAD_LEAK:
            case VTHREAD_LEAK: {
                String horizon = labels.getOrDefault("horizon", "");
                if (!horizon.equals(GrowthTrend.Horizon.RECENT.label())) {
                    return Confidence.CONFIRMED;
                }
                ThreadLedger.SiteThreads threads = site == null ? null : ledger.site(site);
                return threads != null && threads.poolShape == PoolShape.PER_CALL ? Confidence.CONFIRMED
                        : Confidence.ESTIMATED;
            }
            default:
                return Confidence.CONFIRMED;
        }
    }

    /** The evidence of one role for a finding at {@code site} (possibly {@code null}) with these SLI labels. */
    List<Evidence> collect(EvidenceRole role, Site site, SortedMap<String, String> labels) {
        switch (role) {
            case LEAK_CANDIDATES: return leakCandidates();
            case GC_PAUSES: return gcPauses();
            case LIVE_SET: return liveSet();
            default:
                break;
        }
        if (site == null) {
            return List.of();
        }
        switch (role) {
            case CREATION_SITE: return creationSites(site);
            case LIVE_THREADS: return liveThreads(site);
            case BLOCKED_STACKS: return blockedStacks(site);
            case BLOCKING_EVENTS: return blockingEvents(site, labels.get("kind"));
            case DEADLOCK_CYCLE: return deadlockCycle(site);
            case LAST_SEEN: return lastSeen(site);
            case PINNED_EVENTS: return pinnedEvents(site);
            case SUBMIT_FAILURES: return submitFailures(site);
            default: throw new IllegalStateException("no evidence collector for " + role);
        }
    }

    private List<Evidence> lastSeen(Site site) {
        long live = virtualThreads.liveAt(site);
        String where = site == Site.UNSEEN
                ? "never seen at an application frame: JFR recorded no execution sample, sleep, socket read or pinned "
                        + "wait of theirs, so where they wait is unknown"
                : "last seen here (their latest execution sample, sleep, socket read or pinned wait)";
        List<String> families = virtualThreads.familiesAt(site);
        return List.of(new Evidence("last-seen", live, families, lines(virtualThreads.lastStackAt(site)),
                live + " of " + virtualThreads.liveCount() + " live virtual threads (" + virtualThreads.startedTotal()
                        + " started during the recording) were " + where
                        + byName(families)));
    }

    /** {@code ; by name: a-# (3), (unnamed) (2)}, or nothing when no family is known. */
    private static String byName(List<String> families) {
        return families.isEmpty() ? "" : "; by name: " + String.join(", ", families);
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

    private List<Evidence> pinnedEvents(Site site) {
        PinningStats.RunCell run = pinning.run(site);
        if (run == null || run.total.count == 0) {
            return List.of();
        }
        DurationCell total = run.total;
        StringBuilder detail = new StringBuilder();
        detail.append(total.count).append(" pinned waits, p99 ").append(Values.forPeople(total.p99Millis()))
                .append(" ms, max ").append(Values.forPeople(total.maxMillis())).append(" ms, ")
                .append(Values.forPeople(total.totalNanos / 1e9)).append(" s in total");
        if (!run.reasons.ranked().isEmpty()) {
            detail.append("; pinned because: ").append(String.join(" | ", run.reasons.ranked()));
        }
        if (!run.operations.ranked().isEmpty()) {
            detail.append("; blocked in: ").append(String.join(", ", run.operations.ranked()));
        }
        return List.of(new Evidence("pinned-events", total.count, List.of(), lines(run.stacks.top(Stack.EMPTY)),
                detail.toString()));
    }

    private List<Evidence> submitFailures(Site site) {
        PinningStats.RunCell run = pinning.run(site);
        if (run == null || run.submitFailures == 0) {
            return List.of();
        }
        return List.of(new Evidence("submit-failures", run.submitFailures, List.of(), lines(run.stacks.top(Stack.EMPTY)),
                run.submitFailures + " virtual threads refused; " + String.join(" | ", run.messages.ranked())));
    }

    private List<Evidence> leakCandidates() {
        List<Evidence> evidence = new ArrayList<>();
        for (LeakCandidates.AtSite at : leakCandidates.ranked()) {
            if (evidence.size() == 3) {
                break;
            }
            StringBuilder detail = new StringBuilder();
            detail.append(at.samples).append(" of ").append(leakCandidates.total())
                    .append(" sampled live objects were allocated here (").append(String.join(", ", at.types.ranked()))
                    .append(')');
            if (at.bytes > 0) {
                detail.append(", ").append(Values.forPeople(at.bytes / 1048576.0)).append(" MiB sampled");
            }
            detail.append(", the oldest ").append(at.oldest.toSeconds()).append(" s old");
            if (!at.pathToRoot.isEmpty()) {
                detail.append("; held by ").append(String.join(" <- ", at.pathToRoot));
                if (!at.root.isEmpty()) {
                    detail.append(" (root: ").append(at.root).append(')');
                }
            }
            evidence.add(new Evidence("leak-candidates", at.samples, List.of(), lines(at.stacks.top(Stack.EMPTY)),
                    detail.toString()));
        }
        if (evidence.isEmpty() && leakCandidates.total() > 0) {
            evidence.add(new Evidence("leak-candidates", leakCandidates.total(), List.of(), List.of(),
                    leakCandidates.total() + " sampled live objects, recorded without allocation stacks; enable "
                            + JfrEventNames.OLD_OBJECT_SAMPLE + "#stackTrace to see where they are allocated"));
        }
        return evidence;
    }

    private List<Evidence> gcPauses() {
        if (heap.collections() == 0) {
            return List.of();
        }
        HeapAndGc.GcSummary gc = heap.summary();
        StringBuilder detail = new StringBuilder();
        if (!gc.collectors().isEmpty()) {
            detail.append("collectors ").append(gc.collectors()).append("; ");
        }
        detail.append(gc.count()).append(" collections (").append(String.join(", ", gc.byCollector())).append(')');
        if (gc.full() > 0) {
            detail.append(", ").append(gc.full()).append(" of them full (causes: ")
                    .append(String.join(", ", gc.fullCauses())).append(')');
        }
        detail.append("; longest pause p99 ").append(Values.forPeople(gc.pauseP99Millis())).append(" ms, max ")
                .append(Values.forPeople(gc.pauseMaxMillis())).append(" ms; causes: ").append(String.join(", ", gc.causes()));
        if (gc.lastUsedBytes() >= 0) {
            detail.append("; heap used after the last GC ").append(mib(gc.lastUsedBytes()));
            if (gc.liveBytes() >= 0) {
                detail.append(", live set ").append(mib(gc.liveBytes()));
            }
            detail.append(gc.maxBytes() > 0 ? " of the " + mib(gc.maxBytes()) + " max heap" : " (max heap unknown)");
        }
        return List.of(new Evidence("gc-pauses", gc.count(), List.of(), List.of(), detail.toString()));
    }

    /** The live set's trend: what it was measured after, how much of the heap it gained, how soon it fills it. */
    private List<Evidence> liveSet() {
        LiveSetTrend.Line line = heap.latestLine();
        if (line == null) {
            return List.of();
        }
        long max = heap.maxHeapBytes();
        StringBuilder detail = new StringBuilder();
        detail.append("live set ").append(mib(line.first().bytes())).append(share(line.first().bytes(), max))
                .append(" at ").append(Values.instant(line.first().time())).append(", ")
                .append(mib(line.latest().bytes())).append(share(line.latest().bytes(), max)).append(" at ")
                .append(Values.instant(line.latest().time())).append(": ").append(line.points()).append(' ')
                .append(line.basis() == LiveSetTrend.Basis.MEASURED
                        ? "points measured after full, mixed or old collections"
                        : "window minima of the heap after young collections (no old, mixed or full collection yet: an "
                                + "old collection may still free part of it)")
                .append(" over ").append(Values.forPeople(line.observedSeconds())).append(" s");
        if (max > 0) {
            detail.append("; it gained ").append(Values.forPeople(100.0 * line.observedGrowthBytes() / max))
                    .append("% of the max heap in that time");
            if (line.perHour() > 0) {
                detail.append(", and at that rate fills it in ")
                        .append(Values.forPeople(HeapAndGc.minutesToFull(line, max))).append(" min");
            }
        }
        return List.of(new Evidence("live-set", line.points(), List.of(), List.of(), detail.toString()));
    }

    private static String mib(long bytes) {
        return Values.forPeople(bytes / 1048576.0) + " MiB";
    }

    private static String share(long bytes, long max) {
        return max > 0 ? " (" + Values.forPeople(100.0 * bytes / max) + "% of the max heap)" : "";
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
                detail.append("; in the thread dumps each waits on an object of its own: a new pool or timer per call");
            } else if (threads.poolShape == PoolShape.ONE_POOL) {
                detail.append("; in the thread dumps they wait on one shared object: the workers of one pool");
            }
            evidence.add(new Evidence("creation-site", threads.startedTotal, live, lines(threads.stacks.top(Stack.EMPTY)),
                    detail.toString()));
        }
        return evidence;
    }

    private List<Evidence> liveThreads(Site site) {
        List<TrackedThread> live = ledger.liveAt(site);
        if (live.isEmpty()) {
            return List.of();
        }
        TrackedThread oldest = live.get(0);
        // Where they wait now: the stack most of them showed in the latest dump.
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
        }
        return List.of(new Evidence("live-threads", live.size(), live.stream().map(t -> t.name).toList(),
                most.isEmpty() ? List.of() : most.get(0).lastDumpLines, detail.toString()));
    }

    private List<Evidence> blockedStacks(Site site) {
        Map<String, List<StuckThread>> byStack = new LinkedHashMap<>();
        for (StuckThread stuck : dumps.lastStuckAt(site)) {
            byStack.computeIfAbsent(stuck.stackFingerprint(), k -> new ArrayList<>()).add(stuck);
        }
        List<Evidence> evidence = new ArrayList<>();
        byStack.values().stream()
                .sorted(Comparator.comparing((List<StuckThread> threads) -> -threads.size()))
                .limit(3)
                .forEach(threads -> {
                    StuckThread longest = threads.stream().max(Comparator.comparing(StuckThread::blockedFor)).orElseThrow();
                    evidence.add(new Evidence("blocked-stacks", threads.size(),
                            threads.stream().map(StuckThread::threadName).sorted().toList(), longest.lines(),
                            describe(longest)));
                });
        return evidence;
    }

    private static String describe(StuckThread stuck) {
        String on = stuck.blockedOn().isEmpty() ? "" : " on " + stuck.blockedOn();
        String state = stuck.state().equals("RUNNABLE") ? "RUNNABLE in a socket read with no timeout"
                : stuck.state().equals("TIMED_WAITING") ? "TIMED_WAITING (a wait with a timeout that outlasted the stuck threshold)"
                : stuck.state();
        long seconds = stuck.blockedFor().toSeconds();
        String how;
        switch (stuck.confidence()) {
            case CONFIRMED:
                how = "for at least " + seconds + " s (same stack in " + stuck.dumps() + " consecutive dumps)";
                break;
            case ESTIMATED:
                how = "for up to " + seconds + " s (estimated from its last activity: dumps were too sparse to confirm)";
                break;
            default:
                how = "for all " + seconds + " s the recording watched it, with no activity: it waited without "
                        + "a timeout for the whole time it was observed, but the recording is shorter than the stuck "
                        + "threshold, so it is suspected, not confirmed";
        }
        return state + on + "; blocked " + how + "; not an idle wait: " + stuck.why().text;
    }

    private List<Evidence> blockingEvents(Site site, String kindLabel) {
        List<Evidence> evidence = new ArrayList<>();
        for (Map.Entry<BlockingKind, BlockingStats.RunCell> entry : blocking.runAt(site).entrySet()) {
            if (kindLabel != null && !entry.getKey().label().equals(kindLabel)) {
                continue;
            }
            BlockingStats.RunCell run = entry.getValue();
            DurationCell total = run.total;
            if (total.count == 0) {
                continue;
            }
            String blocker = run.blockers.top("");
            // The rule's headline p99 is its worst window's; say which, beside the whole recording's.
            String worst = run.worstWindow == null ? ""
                    : "; worst window p99 " + Values.forPeople(run.worstWindowP99Millis) + " ms ("
                            + Values.instant(run.worstWindow.start()) + " to " + Values.instant(run.worstWindow.end()) + ")";
            evidence.add(new Evidence("blocking-events", total.count, List.of(), lines(run.stacks.top(Stack.EMPTY)),
                    entry.getKey().label() + " over the whole recording: " + total.count + " events, p99 "
                            + Values.forPeople(total.p99Millis()) + " ms, max " + Values.forPeople(total.maxMillis())
                            + " ms, " + Values.forPeople(total.totalNanos / 1e9) + " s in total"
                            + (blocker.isEmpty() ? "" : ", mostly on " + blocker)
                            + (total.untimed > 0 ? ", " + total.untimed + " without timeout" : "") + worst
                            + (entry.getKey() == BlockingKind.MONITOR_ENTER ? heldAcross(site) : "")));
        }
        return evidence;
    }

    /**
     * What the holders of a contended monitor do while they hold it: the slow waits (sleeps, socket
     * reads) recorded inside the method that takes it, if any. The queue's cause, when it is I/O.
     */
    private String heldAcross(Site site) {
        Map.Entry<BlockingKind, BlockingStats.RunCell> inside = blocking.slowWaitInside(site.frame());
        if (inside == null) {
            return "";
        }
        DurationCell total = inside.getValue().total;
        Frame top = inside.getValue().stacks.top(Stack.EMPTY).frames().get(0);
        return "; while holding the monitor, threads inside " + site.frame().method() + " block in "
                + inside.getKey().label() + " at " + top.method() + ": " + total.count + " events, p99 "
                + Values.forPeople(total.p99Millis()) + " ms, " + Values.forPeople(total.totalNanos / 1e9) + " s in total";
    }

    private List<Evidence> deadlockCycle(Site site) {
        DumpAnalysis.Deadlock deadlock = dumps.lastDeadlockAt(site);
        if (deadlock == null) {
            return List.of();
        }
        List<Evidence> evidence = new ArrayList<>();
        for (DumpAnalysis.Deadlock.Member member : deadlock.members()) {
            evidence.add(new Evidence("deadlock-cycle", 1, List.of(member.threadName()), member.lines(),
                    member.threadName() + " " + member.waitingFor() + ", which is held by " + member.heldBy()));
        }
        return evidence;
    }

    private static List<String> lines(Stack stack) {
        List<String> lines = new ArrayList<>();
        for (Frame frame : stack.frames()) {
            lines.add("at " + frame);
            if (lines.size() == Evidence.MAX_FRAMES) {
                break;
            }
        }
        return lines;
    }
}
