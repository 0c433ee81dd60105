package io.threadwatch.analyzer.engine;

import static io.threadwatch.analyzer.engine.FrameClassifierTest.f;
import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.event.ThreadStarted;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pool shapes from the objects idle threads wait on, name families, and threads started with no application frame. */
class PoolShapeAndFamiliesTest {

    private final ThreadLedger ledger = new ThreadLedger(new Sites(FrameClassifier.withDefaults()), new WaitHistory());
    private final StackTable table = new StackTable();

    @Test
    void oneSharedQueueIsOnePoolAndAnObjectEachIsAPoolPerCall() {
        assertThat(PoolShape.of(Collections.nCopies(12, "0x6a0"))).isEqualTo(PoolShape.ONE_POOL);
        assertThat(PoolShape.of(List.of("0x1", "0x2", "0x3", "0x4"))).isEqualTo(PoolShape.PER_CALL);
        assertThat(PoolShape.of(List.of("0x1", "0x1"))).as("too few to tell").isEqualTo(PoolShape.UNKNOWN);
    }

    @Test
    void familiesReplaceNumbersAndIds() {
        assertThat(NameFamily.of("pool-3-thread-7")).isEqualTo("pool-#-thread-#");
        assertThat(NameFamily.of("quote-handler-12")).isEqualTo("quote-handler-#");
        assertThat(NameFamily.of("HttpClient@1a2b3c-42")).isEqualTo("HttpClient@#-#");
        assertThat(NameFamily.of("notify-waiter-0")).isEqualTo("notify-waiter-#");
        assertThat(NameFamily.of("main")).isEqualTo("main");
    }

    @Test
    void threadsTheJdkStartsAreTrackedAtTheirBestFrameAndFamily() {
        // The JDK's HttpServer dispatcher handing a request to a cached pool: no application frame.
        var creator = table.intern(List.of(f("java.lang.System$1.start", 2231),
                f("jdk.internal.vm.SharedThreadContainer.start", 147),
                f("java.util.concurrent.ThreadPoolExecutor.addWorker", 899),
                f("java.util.concurrent.ThreadPoolExecutor.execute", 1318),
                f("sun.net.httpserver.ServerImpl$Dispatcher.handle", 727),
                f("sun.net.httpserver.ServerImpl$Dispatcher.run", 509), f("java.lang.Thread.run", 1583)), false);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= 5; i++) {
            ledger.started(new ThreadStarted(t.plusSeconds(i), 100 + i, "quote-handler-" + i, 20, creator));
        }
        ledger.started(new ThreadStarted(t, 99, "JFR Periodic Tasks", 1, creator));
        assertThat(ledger.sites()).singleElement().satisfies(site -> {
            assertThat(site.site.label()).isEqualTo(
                    "sun.net.httpserver.ServerImpl$Dispatcher.handle(ServerImpl.java:727) [quote-handler-#]");
            assertThat(site.application).isFalse();
            assertThat(site.live).hasSize(5);
        });
        assertThat(ledger.familiesAt(ledger.sites().iterator().next().site)).containsExactly("quote-handler-# (5)");
    }

    /**
     * A Spring {@code ThreadPoolTaskScheduler} made per reload ({@code spring-scheduler-leak}, a
     * helper's JDK 25 recording): the reload starts the first worker, which starts the second when
     * it re-queues its periodic task. The second belongs to the pool the reload made; under its own
     * JDK frame the one leak became two CRITICAL findings, one at {@code System$1.start}. A thread
     * of another family that the pool's thread starts keeps its own family site.
     */
    @Test
    void aPoolWorkerStartedByItsSiblingBelongsWhereThePoolWasMade() {
        var byReload = table.intern(List.of(f("java.lang.System$1.start", 2231),
                f("jdk.internal.vm.SharedThreadContainer.start", 147),
                f("java.util.concurrent.ThreadPoolExecutor.addWorker", 899),
                f("java.util.concurrent.ThreadPoolExecutor.ensurePrestart", 1556),
                f("java.util.concurrent.ScheduledThreadPoolExecutor.delayedExecute", 351),
                f("java.util.concurrent.ScheduledThreadPoolExecutor.scheduleAtFixedRate", 619),
                f("org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler.scheduleAtFixedRate", 426),
                f("sick.Main$ConfigReloader.reload", 31),
                f("jdk.internal.reflect.DirectMethodHandleAccessor.invoke", 104),
                f("java.lang.reflect.Method.invoke", 565),
                f("org.springframework.scheduling.support.ScheduledMethodRunnable.runInternal", 130)), true);
        var bySibling = table.intern(List.of(f("java.lang.System$1.start", 2231),
                f("jdk.internal.vm.SharedThreadContainer.start", 147),
                f("java.util.concurrent.ThreadPoolExecutor.addWorker", 899),
                f("java.util.concurrent.ThreadPoolExecutor.ensurePrestart", 1556),
                f("java.util.concurrent.ScheduledThreadPoolExecutor.reExecutePeriodic", 365),
                f("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask.run", 312),
                f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1090),
                f("java.util.concurrent.ThreadPoolExecutor$Worker.run", 614), f("java.lang.Thread.run", 1474)), false);
        Instant t = Instant.parse("2026-12-08T00:55:27Z");
        for (int reload = 0; reload < 3; reload++) {
            long first = 31 + 3L * reload;
            ledger.started(new ThreadStarted(t.plusSeconds(2L * reload), first, "config-poller-1", 30, byReload));
            ledger.started(new ThreadStarted(t.plusSeconds(2L * reload + 1), first + 1, "config-poller-2", first,
                    bySibling));
            // Another family started from the pool's thread with no application frame: its own site.
            ledger.started(new ThreadStarted(t.plusSeconds(2L * reload + 1), first + 2, "audit-flusher-" + reload,
                    first, bySibling));
        }

        assertThat(ledger.sites()).hasSize(2);
        assertThat(ledger.sites()).filteredOn(site -> site.application).singleElement().satisfies(site -> {
            assertThat(site.site.label()).isEqualTo("sick.Main$ConfigReloader.reload(Main.java:31)");
            assertThat(site.live).hasSize(6);
            assertThat(site.stacks.ranked()).as("the evidence shows where the pool was made").containsExactly(byReload);
        });
        assertThat(ledger.sites()).filteredOn(site -> !site.application).singleElement()
                .satisfies(site -> assertThat(site.site.label()).endsWith("[audit-flusher-#]"));
    }
}
