package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.report.Evidence;
import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.Values;
import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.rules.EvidenceRole;
import io.threadwatch.rules.Firing;
import io.threadwatch.rules.Rule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns rule firings into findings: one finding per kind and site (when several rules of one kind
 * fire at one site, the first to fire names it and the others add their evidence), with a message
 * and the evidence each rule asks for.
 */
final class FindingAssembler {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private final Sites sites;
    private final ThreadLedger ledger;
    private final BlockingStats blocking;
    private final DumpAnalysis dumps;

    FindingAssembler(Sites sites, ThreadLedger ledger, BlockingStats blocking, DumpAnalysis dumps) {
        this.sites = sites;
        this.ledger = ledger;
        this.blocking = blocking;
        this.dumps = dumps;
    }

    List<Finding> assemble(List<Firing> firings) {
        Map<String, List<Firing>> byKindAndSite = new LinkedHashMap<>();
        for (Firing firing : firings) {
            String site = firing.labels().getOrDefault("site", "");
            byKindAndSite.computeIfAbsent(firing.rule().kind().id() + "\n" + site, k -> new ArrayList<>()).add(firing);
        }
        List<Finding> findings = new ArrayList<>();
        for (List<Firing> group : byKindAndSite.values()) {
            findings.add(finding(group));
        }
        findings.sort(Comparator.comparing((Finding f) -> severityRank(f.severity()))
                .thenComparing(Finding::kind)
                .thenComparing(f -> f.site() == null ? "" : f.site().frame())
                .thenComparing(Finding::rule));
        return findings;
    }

    private static int severityRank(String severity) {
        switch (severity) {
            case "critical": return 0;
            case "warning": return 1;
            default: return 2;
        }
    }

    private Finding finding(List<Firing> group) {
        Firing primary = group.get(0);
        Rule rule = primary.rule();
        Instant first = group.stream().map(Firing::firstHeld).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = group.stream().map(Firing::lastHeld).max(Comparator.naturalOrder()).orElseThrow();
        String severity = group.stream().map(f -> f.rule().severity()).max(Comparator.naturalOrder()).orElseThrow().id();
        String siteLabel = primary.labels().get("site");
        Site site = siteLabel == null ? null : sites.byLabel(siteLabel);
        String unit = Sli.byId(rule.primary().sli()).map(Sli::unit).orElse("");
        Set<EvidenceRole> roles = new LinkedHashSet<>();
        for (Firing firing : group) {
            roles.addAll(firing.rule().evidence());
        }
        List<Evidence> evidence = new ArrayList<>();
        for (EvidenceRole role : roles) {
            evidence.addAll(evidence(role, site, primary));
        }
        String id = rule.kind().id() + ":" + (site == null ? rule.id() : site.fingerprint());
        return new Finding(id, rule.id(), rule.kind().id(), severity, Values.instant(first), Values.instant(last),
                message(rule, primary, unit),
                new Finding.FiredSli(rule.primary().sli(), primary.labels(), Values.round(primary.worstValue()),
                        rule.primary().threshold(), unit),
                site == null ? null : new Finding.Site(site.label(), site.fingerprint()), evidence);
    }

    private static String message(Rule rule, Firing firing, String unit) {
        Matcher matcher = PLACEHOLDER.matcher(rule.message());
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value;
            switch (name) {
                case "value": value = Values.forPeople(firing.worstValue()); break;
                case "threshold": value = Values.forPeople(rule.primary().threshold()); break;
                case "unit": value = unit; break;
                case "windows": value = Integer.toString(firing.windowsHeld()); break;
                default: value = firing.labels().getOrDefault(name, matcher.group());
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(text);
        return text.toString();
    }

    private List<Evidence> evidence(EvidenceRole role, Site site, Firing firing) {
        if (site == null) {
            return List.of();
        }
        switch (role) {
            case CREATION_SITE: return creationSites(site, firing);
            case LIVE_THREADS: return liveThreads(site);
            case BLOCKED_STACKS: return blockedStacks(site);
            case BLOCKING_EVENTS: return blockingEvents(site, firing.labels().get("kind"));
            case DEADLOCK_CYCLE: return deadlockCycle(site);
            default: throw new IllegalStateException("no evidence collector for " + role);
        }
    }

    /**
     * The creation site of the threads the finding is about: the site itself for thread findings,
     * the creation sites of the stuck threads for blocked-forever.
     */
    private List<Evidence> creationSites(Site site, Firing firing) {
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
            evidence.add(new Evidence("creation-site", threads.startedTotal, live, lines(threads.topStack()),
                    threads.startedTotal + " threads started here during the recording, " + threads.live.size()
                            + " still alive at its end"));
        }
        return evidence;
    }

    private List<Evidence> liveThreads(Site site) {
        List<TrackedThread> live = ledger.liveAt(site);
        if (live.isEmpty()) {
            return List.of();
        }
        TrackedThread oldest = live.get(0);
        return List.of(new Evidence("live-threads", live.size(), live.stream().map(t -> t.name).toList(), List.of(),
                live.size() + " threads from this site alive at the end; the oldest, " + oldest.name + ", started at "
                        + Values.instant(oldest.started)));
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
        String state = stuck.state().equals("RUNNABLE") ? "RUNNABLE in a socket read with no timeout" : stuck.state();
        long seconds = stuck.blockedFor().toSeconds();
        return state + on + "; blocked " + (stuck.estimated()
                ? "for up to " + seconds + " s (estimated from its last activity: dumps were too sparse to confirm)"
                : "for at least " + seconds + " s (same stack in " + stuck.dumps() + " consecutive dumps)");
    }

    private List<Evidence> blockingEvents(Site site, String kindLabel) {
        List<Evidence> evidence = new ArrayList<>();
        for (Map.Entry<BlockingKind, BlockingStats.RunCell> entry : blocking.runAt(site).entrySet()) {
            if (kindLabel != null && !entry.getKey().label().equals(kindLabel)) {
                continue;
            }
            BlockingStats.RunCell run = entry.getValue();
            BlockingStats.Cell total = run.total;
            if (total.count == 0) {
                continue;
            }
            String blocker = run.topBlocker();
            evidence.add(new Evidence("blocking-events", total.count, List.of(), lines(run.topStack()),
                    entry.getKey().label() + ": " + total.count + " events, p99 " + Values.forPeople(total.p99Millis())
                            + " ms, max " + Values.forPeople(total.maxMillis()) + " ms, "
                            + Values.forPeople(total.totalNanos / 1e9) + " s in total"
                            + (blocker.isEmpty() ? "" : ", mostly on " + blocker)
                            + (total.untimed > 0 ? ", " + total.untimed + " without timeout" : "")));
        }
        return evidence;
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
