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
        Sites sites = new Sites(FrameClassifier.withDefaults());
        ThreadLedger ledger = new ThreadLedger(sites, new WaitHistory());
        StackTable table = new StackTable();
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
}
