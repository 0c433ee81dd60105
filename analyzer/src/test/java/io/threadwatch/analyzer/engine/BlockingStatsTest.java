package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.result.Evidence;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Blocking SLIs from synthetic events with stacks of the committed samples (hot-lock's
 * {@code AuditLog.append}, leaky-pool's {@code ConnectionPool.borrow}).
 */
class BlockingStatsTest {

    private static final long MS = 1_000_000L;
    private static final String APPEND = "io.threadwatch.samples.hotlock.AuditLog.append(AuditLog.java:23)";
    private static final String BORROW = "io.threadwatch.samples.leakypool.ConnectionPool.borrow(ConnectionPool.java:24)";

    private static Stack auditLogAppend(EngineRun run) {
        return run.stack("io.threadwatch.samples.hotlock.AuditLog.append:23",
                "io.threadwatch.samples.hotlock.CheckoutHandler.handle:29",
                "com.sun.net.httpserver.Filter$Chain.doFilter:98");
    }

    private static Stack connectionPoolBorrow(EngineRun run) {
        return run.stack("jdk.internal.misc.Unsafe.park:-1",
                "java.util.concurrent.locks.LockSupport.park:371",
                "java.util.concurrent.LinkedBlockingQueue.take:435",
                "io.threadwatch.samples.leakypool.ConnectionPool.borrow:24",
                "io.threadwatch.samples.leakypool.OrderHandler.handle:45",
                "io.threadwatch.samples.leakypool.OrderHandler.run:36",
                "java.util.concurrent.ThreadPoolExecutor.runWorker:1136",
                "java.util.concurrent.ThreadPoolExecutor$Worker.run:635",
                "java.lang.Thread.run:840");
    }

    @Test
    void aWaitIsChargedOnlyItsPartInTheWindowItEndsIn() {
        EngineRun run = new EngineRun(Duration.ofSeconds(1));
        Stack stack = auditLogAppend(run);
        // One thread queued 8 s on the monitor, ending 0.5 s into the 9th window.
        run.add(new Blocked(run.at(8.5), BlockingKind.MONITOR_ENTER, 25, 8_000 * MS, stack, false, false,
                "io.threadwatch.samples.hotlock.AuditLog"));
        EngineResult result = run.finish(10);

        SortedMap<String, Double> ratio = EngineRun.series(result, "blocked.time.ratio",
                Map.of("kind", "monitor-enter", "site", APPEND));
        assertThat(ratio).hasSize(1);
        assertThat(ratio.values()).as("one thread can be blocked at most the whole window").allMatch(r -> r <= 1.0);
        assertThat(ratio.values()).containsExactly(0.5);
        // HdrHistogram keeps 3 significant digits: 8 s reads back within 0.1%.
        assertThat(EngineRun.series(result, "blocked.p99", Map.of("kind", "monitor-enter", "site", APPEND)).values())
                .as("the distribution keeps the whole wait").singleElement()
                .satisfies(p99 -> assertThat(p99).isCloseTo(8000.0, Offset.offset(8.0)));
    }

    @Test
    void overlappingWaitsOfTenThreadsNeverChargeMoreThanTenThreads() {
        EngineRun run = new EngineRun(Duration.ofSeconds(4));
        Stack stack = auditLogAppend(run);
        // Ten request workers queue on the monitor for 6.2-8.6 s each (hot-lock's waits, ten times
        // longer), all ending in the window [8 s, 12 s).
        for (int thread = 0; thread < 10; thread++) {
            long duration = (6_200 + 270L * thread) * MS;
            run.add(new Blocked(run.at(8.4 + 0.3 * thread), BlockingKind.MONITOR_ENTER, 25 + thread, duration, stack,
                    false, false, "io.threadwatch.samples.hotlock.AuditLog"));
        }
        EngineResult result = run.finish(12);

        SortedMap<String, Double> ratio = EngineRun.series(result, "blocked.time.ratio",
                Map.of("kind", "monitor-enter", "site", APPEND));
        assertThat(ratio.values()).allMatch(r -> r <= 10.0);
        // Each wait is charged from the window's start (8 s) to its end: 0.4, 0.7, ... 3.1 s.
        assertThat(ratio.values().iterator().next()).isCloseTo((4 + 31) * 10 / 2 / 10.0 / 4, Offset.offset(1e-6));
    }

    @Test
    void longBlockingSaysWhichP99IsTheWorstWindowsAndWhichTheWholeRecordings() {
        EngineRun run = new EngineRun(Duration.ofSeconds(4));
        Stack stack = connectionPoolBorrow(run);
        // Borrowers wait 20-60 ms (100 waits a window), and in windows 2 and 3 a few wait much longer,
        // as in leaky-pool while connections leak: 650 ms, then 2 s.
        for (int window = 0; window < 6; window++) {
            for (int k = 0; k < 100; k++) {
                run.add(new Blocked(run.at(window * 4 + 0.02 + k * 0.039), BlockingKind.PARK, 30 + k % 16,
                        (20 + k % 5 * 10) * MS, stack, false, false, "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject"));
            }
        }
        for (int k = 0; k < 3; k++) {
            run.add(new Blocked(run.at(5 + k), BlockingKind.PARK, 50 + k, 650 * MS, stack, false, false, ""));
            run.add(new Blocked(run.at(9 + k), BlockingKind.PARK, 60 + k, 2_000 * MS, stack, false, false, ""));
        }
        EngineResult result = run.finish(24);

        List<Finding> longBlocking = EngineRun.findings(result, "long-blocking");
        assertThat(longBlocking).hasSize(1);
        Finding finding = longBlocking.get(0);
        assertThat(finding.message()).startsWith("park at " + BORROW + ": p99 2000.") .contains(" ms in the worst window");
        Evidence events = finding.evidence().get(0);
        assertThat(events.detail())
                .contains("park over the whole recording: 606 events, p99 60.")
                .contains("worst window p99 2000.")
                .contains(" ms (2026-11-29T21:01:16.000Z to 2026-11-29T21:01:20.000Z)");
        assertThat(finding.site().frame()).isEqualTo(BORROW);
    }
}
