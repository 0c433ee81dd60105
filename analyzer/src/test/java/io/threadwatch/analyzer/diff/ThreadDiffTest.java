package io.threadwatch.analyzer.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.engine.LiveThread;
import io.threadwatch.analyzer.engine.ThreadDumps;
import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.SliPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Matching and grouping on small inputs built from real stacks (those of the scheduler-leak sample's dumps). */
class ThreadDiffTest {

    /** An idle scheduler worker as jstack prints it (JDK 25). */
    private static final String IDLE_WORKER = """
            "flag-refresher-%d" #%d [3363] prio=5 os_prio=0 cpu=2.32ms elapsed=4.22s tid=0x00007f764c0ee5d0 nid=3363 waiting on condition  [0x00007f762c7fe000]
               java.lang.Thread.State: TIMED_WAITING (parking)
            \tat jdk.internal.misc.Unsafe.park(java.base@25.0.3/Native Method)
            \t- parking to wait for  <0x000000069ec255d0> (a java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject)
            \tat java.util.concurrent.locks.LockSupport.parkNanos(java.base@25.0.3/LockSupport.java:271)
            \tat java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take(java.base@25.0.3/ScheduledThreadPoolExecutor.java:1166)
            \tat java.util.concurrent.ThreadPoolExecutor.getTask(java.base@25.0.3/ThreadPoolExecutor.java:1016)
            \tat java.lang.Thread.run(java.base@25.0.3/Thread.java:1474)

            """;
    /** A request handler reading its socket. */
    private static final String HANDLER = """
            "http-worker-%d" #%d [3364] prio=5 os_prio=0 cpu=87.83ms elapsed=4.22s tid=0x00007f764c0efa40 nid=3364 runnable  [0x00007f762c6fe000]
               java.lang.Thread.State: RUNNABLE
            \tat sun.nio.ch.Net.poll(java.base@25.0.3/Native Method)
            \tat io.threadwatch.samples.schedulerleak.ConfigHandler.handle(ConfigHandler.java:41)
            \tat java.lang.Thread.run(java.base@25.0.3/Thread.java:1474)

            """;

    private static List<LiveThread> dump(int workers, int handlers) {
        StringBuilder text = new StringBuilder("Full thread dump OpenJDK 64-Bit Server VM (25.0.3+9-LTS mixed mode):\n\n");
        int id = 20;
        for (int i = 1; i <= workers; i++) {
            text.append(IDLE_WORKER.formatted(i, id++));
        }
        for (int i = 1; i <= handlers; i++) {
            text.append(HANDLER.formatted(i, id++));
        }
        return ThreadDumps.parseText(text.toString());
    }

    private static Snapshot snapshot(String name, List<LiveThread> threads) {
        return new Snapshot(name, Snapshot.Kind.TEXT_DUMP, threads, null);
    }

    @Test
    void changesFollowTheCounts() {
        assertThat(Change.of(0, 3)).isEqualTo(Change.APPEARED);
        assertThat(Change.of(3, 7)).isEqualTo(Change.GREW);
        assertThat(Change.of(7, 3)).isEqualTo(Change.SHRANK);
        assertThat(Change.of(3, 0)).isEqualTo(Change.VANISHED);
        assertThat(Change.of(4, 4)).isEqualTo(Change.UNCHANGED);
    }

    @Test
    void threadsAreGroupedByFamilyThenStackAcrossNamesAndIds() {
        DiffReport diff = ThreadDiff.compare(snapshot("before", dump(3, 2)), snapshot("after", dump(14, 2)));
        assertThat(diff.families()).extracting(DiffReport.Family::family)
                .containsExactly("flag-refresher-#", "http-worker-#");
        DiffReport.Family grown = diff.families().get(0);
        assertThat(grown.change()).isEqualTo(Change.GREW);
        assertThat(grown.stacks()).singleElement().satisfies(stack -> {
            assertThat(stack.before()).isEqualTo(3);
            assertThat(stack.after()).isEqualTo(14);
            assertThat(stack.label()).isEqualTo("jdk.internal.misc.Unsafe.park(Unknown Source) <- "
                    + "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take(ScheduledThreadPoolExecutor.java:1166)");
            assertThat(stack.frames()).hasSize(5);
        });
        assertThat(grown.sites()).as("a dump knows no creation site").isEmpty();
        assertThat(diff.families().get(1).change()).isEqualTo(Change.UNCHANGED);
        assertThat(diff.families().get(1).stacks().get(0).label())
                .isEqualTo("sun.nio.ch.Net.poll(Unknown Source) <- io.threadwatch.samples.schedulerleak.ConfigHandler.handle(ConfigHandler.java:41)");
        assertThat(diff.summary().families()).containsEntry("grew", 1).containsEntry("unchanged", 1);
        assertThat(diff.summary().stacks()).containsEntry("grew", 1).containsEntry("unchanged", 1);
        assertThat(diff.findings()).isEmpty();
    }

    @Test
    void aStackThatMovedIsOneGroupVanishedAndOneAppeared() {
        List<LiveThread> before = dump(0, 2);
        List<LiveThread> after = new ArrayList<>();
        for (LiveThread thread : before) {
            // The same handlers, now one line further down: a different stack.
            List<String> frames = thread.frames().stream().map(f -> f.replace(".java:41)", ".java:42)")).toList();
            after.add(new LiveThread(thread.name(), false, null, null, "0123456789abcdef", frames));
        }
        DiffReport.Family family = ThreadDiff.compare(snapshot("b", before), snapshot("a", after)).families().get(0);
        assertThat(family.change()).isEqualTo(Change.UNCHANGED);
        assertThat(family.stacks()).extracting(DiffReport.Group::change)
                .containsExactlyInAnyOrder(Change.VANISHED, Change.APPEARED);
    }

    @Test
    void unnamedVirtualThreadsHaveAFamilyOfTheirOwn() {
        LiveThread platform = new LiveThread("", false, null, null, null, List.of());
        LiveThread virtual = new LiveThread("", true, null, null, null, List.of());
        assertThat(ThreadDiff.family(platform)).isEqualTo("(unnamed)");
        assertThat(ThreadDiff.family(virtual)).isEqualTo("(unnamed virtual)");
        assertThat(ThreadDiff.family(new LiveThread("payment-981", true, null, null, null, List.of()))).isEqualTo("payment-#");
    }

    @Test
    void sitesGroupThreadsOfARecordingAndThreadsWithoutOneAreLeftOut() {
        String site = "io.threadwatch.samples.schedulerleak.ConfigReloader.reload(ConfigReloader.java:52)";
        List<LiveThread> before = List.of(new LiveThread("flag-refresher-1", false, site, "1111111111111111", null, List.of()),
                new LiveThread("flag-refresher-2", false, null, null, null, List.of()));
        List<LiveThread> after = List.of(new LiveThread("flag-refresher-9", false, site, "1111111111111111", null, List.of()),
                new LiveThread("flag-refresher-10", false, site, "1111111111111111", null, List.of()));
        DiffReport.Family family = ThreadDiff.families(before, after).get(0);
        assertThat(family.sites()).singleElement().satisfies(group -> {
            assertThat(group.label()).isEqualTo(site);
            assertThat(group.before()).isEqualTo(1);
            assertThat(group.after()).isEqualTo(2);
            assertThat(group.change()).isEqualTo(Change.GREW);
        });
        assertThat(family.stacks()).singleElement().satisfies(group -> {
            assertThat(group.fingerprint()).isEqualTo(ThreadDiff.NO_STACK);
            assertThat(group.change()).isEqualTo(Change.UNCHANGED);
        });
    }

    @Test
    void findingsMatchByKindAndSiteFingerprintNotByMessageOrSeverity() {
        Finding.Site reload = new Finding.Site("io.threadwatch.samples.schedulerleak.ConfigReloader.reload(ConfigReloader.java:52)",
                "1111111111111111");
        Finding.Site borrow = new Finding.Site("io.threadwatch.samples.leakypool.ConnectionPool.borrow(ConnectionPool.java:61)",
                "2222222222222222");
        List<Finding> before = List.of(finding("thread-leak", "warning", reload, "12 threads"),
                finding("blocked-forever", "critical", borrow, "16 threads"));
        List<Finding> after = List.of(finding("thread-leak", "critical", reload, "40 threads"),
                finding("long-blocking", "warning", borrow, "p99 3 s"), finding("gc-pressure", "warning", null, "GC"));
        List<DiffReport.FindingChange> changes = ThreadDiff.findings(before, after);
        assertThat(changes).extracting(c -> c.status() + " " + c.kind() + " " + c.where())
                .containsExactly("new long-blocking " + borrow.frame(), "new gc-pressure -",
                        "gone blocked-forever " + borrow.frame(), "unchanged thread-leak " + reload.frame());
        DiffReport.FindingChange leak = changes.get(3);
        assertThat(leak.severityBefore()).isEqualTo("warning");
        assertThat(leak.severityAfter()).isEqualTo("critical");
        assertThat(leak.message()).isEqualTo("40 threads");
    }

    @Test
    void perSiteSlisAreSideBySideWithLastAndWorstValue() {
        Map<String, String> site = new TreeMap<>(Map.of("site", "a.B.c(B.java:1)"));
        List<SliPoint> before = List.of(new SliPoint("2026-01-01T00:00:10.000Z", "threads.site.live", new TreeMap<>(site), 5),
                new SliPoint("2026-01-01T00:00:20.000Z", "threads.site.live", new TreeMap<>(site), 9),
                new SliPoint("2026-01-01T00:00:30.000Z", "threads.site.live", new TreeMap<>(site), 7),
                new SliPoint("2026-01-01T00:00:30.000Z", "threads.live", new TreeMap<>(), 30));
        List<DiffReport.SliChange> slis = ThreadDiff.slis(before, List.of());
        assertThat(slis).as("only SLIs with a site").singleElement().satisfies(sli -> {
            assertThat(sli.key()).isEqualTo("threads.site.live{site=a.B.c(B.java:1)}");
            assertThat(sli.before()).isEqualTo(new DiffReport.Values(7, 9));
            assertThat(sli.after()).isNull();
        });
    }

    @Test
    void theSchemaListsTheChanges() throws Exception {
        try (var in = ThreadDiffTest.class.getResourceAsStream("/io/threadwatch/analyzer/report/diff-v1.schema.json")) {
            var schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            List<String> listed = new ArrayList<>();
            schema.at("/$defs/change/enum").forEach(value -> listed.add(value.asText()));
            assertThat(listed).containsExactlyElementsOf(java.util.Arrays.stream(Change.values()).map(Change::id).toList());
            assertThat(schema.at("/properties/schema/const").asText()).isEqualTo(DiffReport.SCHEMA);
        }
    }

    @Test
    void jsonDumpFramesReadLikeJstackFrames() {
        assertThat(JsonDumps.frame("java.base/java.util.concurrent.locks.LockSupport.parkNanos(LockSupport.java:271)"))
                .isEqualTo(new Frame("java.util.concurrent.locks.LockSupport", "parkNanos", 271));
        assertThat(JsonDumps.frame("java.base/jdk.internal.misc.Unsafe.park(Native Method)"))
                .isEqualTo(new Frame("jdk.internal.misc.Unsafe", "park", -1));
        assertThat(JsonDumps.frame("com.foo.loader/foo@9.0/com.foo.Main$Inner.run(Main.java:101)"))
                .isEqualTo(new Frame("com.foo.Main$Inner", "run", 101));
        assertThat(JsonDumps.frame("io.threadwatch.samples.vthreadleak.PaymentHandler.handle(PaymentHandler.java:76)"))
                .isEqualTo(new Frame("io.threadwatch.samples.vthreadleak.PaymentHandler", "handle", 76));
    }

    private static Finding finding(String kind, String severity, Finding.Site site, String message) {
        return new Finding(kind + ":" + (site == null ? "-" : site.fingerprint()), kind, kind, severity, "confirmed",
                "2026-01-01T00:00:00.000Z", "2026-01-01T00:01:00.000Z", 1, message,
                new Finding.FiredSli("threads.site.live", new TreeMap<>(), 1, 0, "threads"), site, List.of());
    }
}
