package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.EpochNanos;
import io.threadwatch.analyzer.event.OldObjectSampled;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.pattern.PatternClassifier;
import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.rules.EvidenceRole;
import io.threadwatch.rules.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each detector shows the evidence of the roles it owns, and the assembler takes each role from
 * exactly one of them. Stacks are those of the committed samples: hot-lock's {@code AuditLog.append},
 * whose holders sleep inside it, and slow-leak-gateway's session table that only grows.
 */
class EvidenceProducersTest {

    private static final long MS = 1_000_000L;
    private final EngineRun run = new EngineRun(Duration.ofSeconds(10));
    private final Sites sites = new Sites(FrameClassifier.withDefaults());

    private Stack appendEnter() {
        return run.stack("io.threadwatch.samples.hotlock.AuditLog.append:23",
                "io.threadwatch.samples.hotlock.CheckoutHandler.handle:29");
    }

    private Stack sleepInsideAppend() {
        return run.stack("java.lang.Thread.sleep0:-2", "java.lang.Thread.sleep:509",
                "io.threadwatch.samples.hotlock.AuditLog.flushToDisk:34",
                "io.threadwatch.samples.hotlock.AuditLog.append:28",
                "io.threadwatch.samples.hotlock.CheckoutHandler.handle:29");
    }

    private static SortedMap<String, String> kind(BlockingKind kind) {
        SortedMap<String, String> labels = new TreeMap<>();
        labels.put("kind", kind.label());
        return labels;
    }

    @Test
    void contendedMonitorEvidenceSaysWhatItsHoldersBlockInWhileHoldingIt() {
        BlockingStats blocking = new BlockingStats(EngineRun.T0);
        Stack enter = appendEnter();
        Site append = sites.classify(enter).site();
        long end = EpochNanos.of(run.at(5));
        for (int i = 0; i < 4; i++) {
            blocking.record(BlockingKind.MONITOR_ENTER, end + i * MS, 300 * MS, false, enter,
                    "io.threadwatch.samples.hotlock.AuditLog", append);
        }
        Stack sleep = sleepInsideAppend();
        blocking.record(BlockingKind.SLEEP, end, 200 * MS, true, sleep, "", sites.classify(sleep).site());
        blocking.closeWindow(new Window(EngineRun.T0, run.at(10)));

        List<Evidence> onMonitor = blocking.evidence(EvidenceRole.BLOCKING_EVENTS, append,
                kind(BlockingKind.MONITOR_ENTER));
        assertThat(onMonitor).singleElement().satisfies(evidence -> {
            assertThat(evidence.role()).isEqualTo("blocking-events");
            assertThat(evidence.count()).isEqualTo(4);
            assertThat(evidence.frames()).first().isEqualTo("at " + append.frame());
            assertThat(evidence.detail()).startsWith("monitor-enter over the whole recording: 4 events")
                    .contains("mostly on io.threadwatch.samples.hotlock.AuditLog")
                    .contains("while holding the monitor, threads inside io.threadwatch.samples.hotlock.AuditLog.append "
                            + "block in sleep at java.lang.Thread.sleep0: 1 events");
        });
        assertThat(blocking.evidence(EvidenceRole.BLOCKING_EVENTS, append, kind(BlockingKind.SOCKET_READ)))
                .as("the SLI names another kind").isEmpty();
        assertThat(blocking.evidence(EvidenceRole.BLOCKING_EVENTS, null, kind(BlockingKind.MONITOR_ENTER)))
                .as("no site, no stacks to show").isEmpty();
    }

    @Test
    void leakCandidatesPointAtTheirTopAllocationSiteOrSayHowToRecordOne() {
        LeakCandidates candidates = new LeakCandidates(sites);
        Stack grow = run.stack("java.util.concurrent.ConcurrentHashMap.putVal:1075",
                "java.util.concurrent.ConcurrentHashMap.put:1017",
                "io.threadwatch.samples.slowleakgateway.SessionTable.touch:15");
        for (int i = 0; i < 3; i++) {
            candidates.sampled(new OldObjectSampled(run.at(1 + i * 0.1), "byte[]", 1024, Duration.ofSeconds(40 + i),
                    grow, List.of("java.util.concurrent.ConcurrentHashMap$Node", "java.util.concurrent.ConcurrentHashMap"),
                    "Class"));
        }
        Site remember = sites.classify(grow).site();
        assertThat(candidates.pointsAt(EvidenceRole.LEAK_CANDIDATES)).isEqualTo(remember);
        assertThat(candidates.evidence(EvidenceRole.LEAK_CANDIDATES, null, new TreeMap<>())).singleElement()
                .satisfies(evidence -> assertThat(evidence.detail())
                        .startsWith("3 of 3 sampled live objects were allocated here (byte[])")
                        .contains("the oldest 42 s old; held by java.util.concurrent.ConcurrentHashMap$Node <- "
                                + "java.util.concurrent.ConcurrentHashMap (root: Class)"));

        LeakCandidates unlocated = new LeakCandidates(sites);
        unlocated.sampled(new OldObjectSampled(run.at(1), "byte[]", 1024, Duration.ofSeconds(5), Stack.EMPTY,
                List.of(), ""));
        assertThat(unlocated.pointsAt(EvidenceRole.LEAK_CANDIDATES)).isNull();
        assertThat(unlocated.evidence(EvidenceRole.LEAK_CANDIDATES, null, new TreeMap<>())).singleElement()
                .satisfies(evidence -> assertThat(evidence.detail()).contains("jdk.OldObjectSample#stackTrace"));
    }

    @Test
    void theAssemblerRefusesARoleWithoutAProducerOrWithTwo() {
        List<EvidenceProducer> all = new ArrayList<>();
        for (EvidenceRole role : EvidenceRole.values()) {
            all.add(producerOf(role));
        }
        PatternClassifier patterns = new PatternClassifier(List.of());
        VirtualThreadLeaks virtualLeaks = null;
        new FindingAssembler(sites, all, null, virtualLeaks, patterns);

        List<EvidenceProducer> missing = new ArrayList<>(all);
        missing.remove(EvidenceRole.LIVE_SET.ordinal());
        assertThatThrownBy(() -> new FindingAssembler(sites, missing, null, virtualLeaks, patterns))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no producer of 'live-set' evidence");

        List<EvidenceProducer> twice = new ArrayList<>(all);
        twice.add(producerOf(EvidenceRole.DEADLOCK_CYCLE));
        assertThatThrownBy(() -> new FindingAssembler(sites, twice, null, virtualLeaks, patterns))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("two producers of 'deadlock-cycle'");
    }

    private static EvidenceProducer producerOf(EvidenceRole owned) {
        return new EvidenceProducer() {
            @Override
            public Set<EvidenceRole> roles() {
                return Set.of(owned);
            }

            @Override
            public List<Evidence> evidence(EvidenceRole role, Site site, SortedMap<String, String> labels) {
                return List.of();
            }
        };
    }
}
