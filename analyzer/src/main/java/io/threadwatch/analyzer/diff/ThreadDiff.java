package io.threadwatch.analyzer.diff;

import io.threadwatch.analyzer.Version;
import io.threadwatch.analyzer.engine.FrameClassifier;
import io.threadwatch.analyzer.engine.LiveThread;
import io.threadwatch.analyzer.engine.NameFamily;
import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.report.SliPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Compares two snapshots. Threads are matched by name family, then by stack fingerprint and by
 * creation-site fingerprint within a family: thread ids and names change between runs, the code
 * that made and runs the threads does not. Findings are matched by kind and site fingerprint.
 */
public final class ThreadDiff {

    /** The group key of threads no dump listed (a recording without {@code jdk.ThreadDump} events). */
    static final String NO_STACK = "none";
    /** The classes every wait passes through: a stack's label looks past them. */
    private static final List<String> WAIT_PRIMITIVES = List.of("jdk.internal.misc.Unsafe.", "java.util.concurrent.locks.",
            "java.lang.Object.", "java.lang.Thread.", "java.lang.VirtualThread.", "java.lang.System$");

    private ThreadDiff() {
    }

    /** What changed from {@code before} to {@code after}. */
    public static DiffReport compare(Snapshot before, Snapshot after) {
        List<DiffReport.Family> families = families(before.threads(), after.threads());
        List<String> notes = new ArrayList<>();
        List<DiffReport.SliChange> slis = List.of();
        List<DiffReport.FindingChange> findings = List.of();
        if (before.report() != null && after.report() != null) {
            slis = slis(before.report().slis(), after.report().slis());
            findings = findings(before.report().findings(), after.report().findings());
        } else {
            notes.add("SLIs and findings are compared for two recordings only: a thread dump has neither");
        }
        if (before.kind() != after.kind() && before.kind() != Snapshot.Kind.RECORDING && after.kind() != Snapshot.Kind.RECORDING) {
            notes.add("a jstack and a JSON dump list stacks differently (JSON leaves out hidden frames such as Thread.runWith, "
                    + "and the JVM's compiler threads): compare dumps of one form for stacks that match");
        }
        for (Snapshot side : List.of(before, after)) {
            if (side.kind() == Snapshot.Kind.RECORDING && !side.threads().isEmpty()
                    && side.threads().stream().allMatch(t -> t.stackFingerprint() == null)) {
                notes.add(side.name() + " has no thread dump (jdk.ThreadDump): its threads are grouped by site only");
            }
            if (side.kind() == Snapshot.Kind.TEXT_DUMP) {
                notes.add(side.name() + " is a jstack dump: it lists no virtual threads and no creation sites");
            }
        }
        return new DiffReport(DiffReport.SCHEMA, new Report.Tool("threadwatch", Version.current()),
                side(before), side(after), summary(families, findings), families, slis, findings, notes);
    }

    private static DiffReport.Side side(Snapshot snapshot) {
        Report report = snapshot.report();
        return new DiffReport.Side(snapshot.name(), snapshot.kind().id(), snapshot.threads().size(),
                report == null ? null : report.source().start(), report == null ? null : report.source().end());
    }

    /** The family of a thread: its name's, with unnamed threads under one label. */
    static String family(LiveThread thread) {
        String family = NameFamily.of(thread.name());
        if (!family.isEmpty()) {
            return family;
        }
        return thread.virtual() ? "(unnamed virtual)" : "(unnamed)";
    }

    static List<DiffReport.Family> families(List<LiveThread> before, List<LiveThread> after) {
        Map<String, List<LiveThread>> beforeByFamily = byKey(before, ThreadDiff::family);
        Map<String, List<LiveThread>> afterByFamily = byKey(after, ThreadDiff::family);
        TreeMap<String, Boolean> names = new TreeMap<>();
        beforeByFamily.keySet().forEach(name -> names.put(name, true));
        afterByFamily.keySet().forEach(name -> names.put(name, true));
        List<DiffReport.Family> families = new ArrayList<>();
        for (String name : names.keySet()) {
            List<LiveThread> was = beforeByFamily.getOrDefault(name, List.of());
            List<LiveThread> is = afterByFamily.getOrDefault(name, List.of());
            families.add(new DiffReport.Family(name, was.size(), is.size(), Change.of(was.size(), is.size()),
                    groups(was, is, t -> t.stackFingerprint() == null ? NO_STACK : t.stackFingerprint(), ThreadDiff::stackLabel,
                            LiveThread::frames),
                    groups(was.stream().filter(t -> t.siteFingerprint() != null).toList(),
                            is.stream().filter(t -> t.siteFingerprint() != null).toList(),
                            LiveThread::siteFingerprint, LiveThread::site, t -> List.of())));
        }
        families.sort(Comparator.comparing((DiffReport.Family f) -> f.change() == Change.UNCHANGED)
                .thenComparing(f -> -Math.abs(f.after() - f.before())).thenComparing(DiffReport.Family::family));
        return families;
    }

    private static List<DiffReport.Group> groups(List<LiveThread> before, List<LiveThread> after,
                                                 Function<LiveThread, String> key, Function<LiveThread, String> label,
                                                 Function<LiveThread, List<String>> frames) {
        Map<String, List<LiveThread>> was = byKey(before, key);
        Map<String, List<LiveThread>> is = byKey(after, key);
        Map<String, LiveThread> example = new LinkedHashMap<>();
        // The after side's example first: its frames are the ones to look at when a stack grew.
        is.forEach((k, threads) -> example.put(k, threads.get(0)));
        was.forEach((k, threads) -> example.putIfAbsent(k, threads.get(0)));
        List<DiffReport.Group> groups = new ArrayList<>();
        for (Map.Entry<String, LiveThread> entry : example.entrySet()) {
            int b = was.getOrDefault(entry.getKey(), List.of()).size();
            int a = is.getOrDefault(entry.getKey(), List.of()).size();
            LiveThread thread = entry.getValue();
            groups.add(new DiffReport.Group(entry.getKey(), label.apply(thread), frames.apply(thread), b, a, Change.of(b, a)));
        }
        groups.sort(Comparator.comparing((DiffReport.Group g) -> g.change() == Change.UNCHANGED)
                .thenComparing(g -> -Math.abs(g.after() - g.before())).thenComparing(DiffReport.Group::label));
        return groups;
    }

    /**
     * What a person recognizes a stack by: its top frame, and the first frame outside the JDK when
     * that is another one (the code that called into the wait). A stack all in the JDK (an idle
     * pool worker) shows the first frame past the JDK's waiting primitives instead, e.g. the
     * queue's {@code take}, since every parked thread has the same top frame.
     */
    static String stackLabel(LiveThread thread) {
        if (thread.frames().isEmpty()) {
            return "(no stack in a dump)";
        }
        String top = thread.frames().get(0);
        String caller = thread.frames().stream()
                .filter(frame -> FrameClassifier.JDK_PACKAGES.stream().noneMatch(frame::startsWith))
                .findFirst()
                .or(() -> thread.frames().stream().filter(frame -> WAIT_PRIMITIVES.stream().noneMatch(frame::startsWith))
                        .findFirst())
                .orElse(top);
        return caller.equals(top) ? top : top + " <- " + caller;
    }

    private static <K> Map<K, List<LiveThread>> byKey(List<LiveThread> threads, Function<LiveThread, K> key) {
        Map<K, List<LiveThread>> grouped = new LinkedHashMap<>();
        for (LiveThread thread : threads) {
            grouped.computeIfAbsent(key.apply(thread), k -> new ArrayList<>()).add(thread);
        }
        return grouped;
    }

    /** The per-site SLIs of both recordings side by side, by name and labels. */
    static List<DiffReport.SliChange> slis(List<SliPoint> before, List<SliPoint> after) {
        Map<String, SliPoint> keys = new TreeMap<>();
        Map<String, DiffReport.Values> was = values(before, keys);
        Map<String, DiffReport.Values> is = values(after, keys);
        List<DiffReport.SliChange> changes = new ArrayList<>();
        for (Map.Entry<String, SliPoint> entry : keys.entrySet()) {
            changes.add(new DiffReport.SliChange(entry.getValue().name(), entry.getValue().labels(),
                    was.get(entry.getKey()), is.get(entry.getKey())));
        }
        return changes;
    }

    private static Map<String, DiffReport.Values> values(List<SliPoint> points, Map<String, SliPoint> keys) {
        Map<String, DiffReport.Values> values = new TreeMap<>();
        for (SliPoint point : points) {
            if (!point.labels().containsKey("site")) {
                continue;
            }
            String key = point.name() + point.labels();
            keys.putIfAbsent(key, point);
            DiffReport.Values seen = values.get(key);
            double max = seen == null ? point.value() : Math.max(seen.max(), point.value());
            // Points are in time order: the latest one is the last value.
            values.put(key, new DiffReport.Values(point.value(), max));
        }
        return values;
    }

    /** The findings of both recordings, matched by kind and site fingerprint: new, gone or unchanged. */
    static List<DiffReport.FindingChange> findings(List<Finding> before, List<Finding> after) {
        Map<String, Finding> was = new LinkedHashMap<>();
        before.forEach(f -> was.putIfAbsent(key(f), f));
        Map<String, Finding> is = new LinkedHashMap<>();
        after.forEach(f -> is.putIfAbsent(key(f), f));
        List<DiffReport.FindingChange> changes = new ArrayList<>();
        for (Finding finding : is.values()) {
            Finding old = was.get(key(finding));
            changes.add(new DiffReport.FindingChange(old == null ? "new" : "unchanged", finding.kind(), finding.site(),
                    old == null ? null : old.severity(), finding.severity(), finding.message(), finding.pattern(),
                    finding.fix()));
        }
        for (Finding finding : was.values()) {
            if (!is.containsKey(key(finding))) {
                changes.add(new DiffReport.FindingChange("gone", finding.kind(), finding.site(), finding.severity(), null,
                        finding.message(), finding.pattern(), finding.fix()));
            }
        }
        changes.sort(Comparator.comparing((DiffReport.FindingChange c) -> List.of("new", "gone", "unchanged").indexOf(c.status())));
        return changes;
    }

    /** Kind and site fingerprint; findings without a site (GC pressure) match by kind. */
    private static String key(Finding finding) {
        return finding.kind() + ":" + (finding.site() == null ? "-" : finding.site().fingerprint());
    }

    private static DiffReport.Summary summary(List<DiffReport.Family> families, List<DiffReport.FindingChange> findings) {
        SortedMap<String, Integer> familyCounts = zeroes(Change.values());
        SortedMap<String, Integer> stacks = zeroes(Change.values());
        SortedMap<String, Integer> sites = zeroes(Change.values());
        for (DiffReport.Family family : families) {
            familyCounts.merge(family.change().id(), 1, Integer::sum);
            family.stacks().forEach(g -> stacks.merge(g.change().id(), 1, Integer::sum));
            family.sites().forEach(g -> sites.merge(g.change().id(), 1, Integer::sum));
        }
        SortedMap<String, Integer> findingCounts = new TreeMap<>(Map.of("new", 0, "gone", 0, "unchanged", 0));
        findings.forEach(f -> findingCounts.merge(f.status(), 1, Integer::sum));
        return new DiffReport.Summary(familyCounts, stacks, sites, findingCounts);
    }

    private static SortedMap<String, Integer> zeroes(Change[] changes) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        for (Change change : changes) {
            counts.put(change.id(), 0);
        }
        return counts;
    }
}
