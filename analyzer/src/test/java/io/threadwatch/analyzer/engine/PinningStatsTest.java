package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.event.Pinned;
import io.threadwatch.analyzer.event.Stack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pinning SLIs from synthetic {@code jdk.VirtualThreadPinned} events with the vthread-pinning sample's stacks. */
class PinningStatsTest {

    private static final long MS = 1_000_000L;
    private static final String FETCH = "io.threadwatch.samples.vthreadpinning.RuleRepository.fetch(RuleRepository.java:18)";
    private static final String REASON = "VM call to io.threadwatch.samples.vthreadpinning.rules.DiscountRules.<clinit> on stack";

    @Test
    void shortPinnedWaitsWithoutAnApplicationFrameStillShowAsPinningSlis() {
        EngineRun run = new EngineRun(Duration.ofSeconds(4));
        // Pinned inside the JDK only (no application frame), 5-14 ms each: under the rule's 20 ms bound.
        Stack jdkOnly = run.stack("java.lang.VirtualThread.parkOnCarrierThread:830", "java.lang.VirtualThread.parkNanos:798",
                "java.lang.VirtualThread.sleepNanos:980", "java.lang.Thread.sleepNanos:507", "java.lang.Thread.sleep:540",
                "java.util.concurrent.ForkJoinTask.doExec:511");
        for (int i = 0; i < 180; i++) {
            run.add(new Pinned(run.at(0.025 + i * 0.05), 31 + i, (5 + i % 10) * MS, jdkOnly, REASON, "LockSupport.park"));
        }
        EngineResult result = run.finish(12);

        assertThat(EngineRun.series(result, "vthreads.pinned.count").values()).containsExactly(80.0, 80.0, 20.0);
        // HdrHistogram's 3 significant digits: 14 ms reads back as 14.007.
        assertThat(EngineRun.series(result, "vthreads.pinned.p99").values()).hasSize(3)
                .allSatisfy(p99 -> assertThat(p99).isCloseTo(14.0, org.assertj.core.data.Offset.offset(0.02)));
        assertThat(EngineRun.findings(result, "vthread-pinning")).isEmpty();
    }

    @Test
    void pinnedWaitsAtAnApplicationSiteCountBothThereAndInTheTotal() {
        EngineRun run = new EngineRun(Duration.ofSeconds(4));
        Stack clinit = run.stack("java.lang.VirtualThread.parkOnCarrierThread:830", "java.lang.Thread.sleep:540",
                "io.threadwatch.samples.vthreadpinning.RuleRepository.fetch:18",
                "io.threadwatch.samples.vthreadpinning.rules.DiscountRules.<clinit>:16",
                "java.lang.Class.forName:547", "io.threadwatch.samples.vthreadpinning.RulesLoader.load:46");
        for (int i = 0; i < 60; i++) {
            run.add(new Pinned(run.at(0.1 + i * 0.2), 31 + i, (25 + i % 20) * MS, clinit, REASON, "LockSupport.park"));
        }
        EngineResult result = run.finish(12);

        assertThat(EngineRun.series(result, "vthreads.pinned.count", Map.of("site", FETCH)).values())
                .containsExactly(20.0, 20.0, 20.0);
        assertThat(EngineRun.series(result, "vthreads.pinned.count").values()).containsExactly(20.0, 20.0, 20.0);
        assertThat(EngineRun.findings(result, "vthread-pinning")).hasSize(1);
    }

    @Test
    void windowsAfterPinningWasSeenSayZero() {
        EngineRun run = new EngineRun(Duration.ofSeconds(4));
        Stack jdkOnly = run.stack("java.lang.VirtualThread.parkOnCarrierThread:830", "java.lang.Thread.sleep:540");
        run.add(new Pinned(run.at(1), 31, 30 * MS, jdkOnly, "", ""));
        EngineResult result = run.finish(12);

        assertThat(EngineRun.series(result, "vthreads.pinned.count").values()).containsExactly(1.0, 0.0, 0.0);
    }
}
