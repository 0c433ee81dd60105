package io.threadwatch.analyzer.engine;

import static io.threadwatch.analyzer.engine.FrameClassifierTest.f;
import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.event.EpochNanos;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.StackTable;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Does the thread keep coming back to this wait?", from the waits it ended. */
class WaitHistoryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final StackTable table = new StackTable();
    private final Sites sites = new Sites(FrameClassifier.withDefaults());

    @Test
    void aThreadComingBackToAWaitInItsOwnCodeIsLoopingThere() {
        Stack take = table.intern(Stacks.CONSUMER_LOOP_TAKE, false);
        StackShape shape = sites.shape(take);
        WaitHistory history = new WaitHistory();
        assertThat(history.ended(7, take, shape, EpochNanos.of(T0.plusSeconds(5)), 5_000_000_000L)).as("the first wait").isFalse();
        assertThat(history.ended(7, take, shape, EpochNanos.of(T0.plusSeconds(12)), 2_000_000_000L)).as("back, after work").isTrue();
        assertThat(history.loopSite(7)).isEqualTo(shape.site());
        history.forget(7);
        assertThat(history.loopSite(7)).isNull();
    }

    /**
     * Between two returns to its loop a thread may wait in more places than the recent waits
     * hold; the loop it showed stays its loop.
     */
    @Test
    void aThreadComesBackToItsLoopAfterWaitingInMorePlacesThanItRemembers() {
        Stack take = table.intern(Stacks.CONSUMER_LOOP_TAKE, false);
        StackShape shape = sites.shape(take);
        WaitHistory history = new WaitHistory();
        long at = EpochNanos.of(T0);
        history.ended(7, take, shape, at += 1_000_000_000L, 1_000_000_000L);
        assertThat(history.ended(7, take, shape, at += 1_000_000_000L, 900_000_000L)).as("its loop, shown").isTrue();
        for (int i = 0; i < 4; i++) {
            Stack work = table.intern(List.of(f("java.lang.Thread.sleep", -1), f("com.acme.orders.OrderConsumer.step" + i, 60 + i),
                    f("com.acme.orders.OrderConsumer.run", 58), f("java.lang.Thread.run", 1583)), false);
            history.ended(7, work, sites.shape(work), at += 10_000_000L, 5_000_000L);
        }
        assertThat(history.ended(7, take, shape, at + 5_000_000_000L, 5_000_000_000L)).as("back after four other waits")
                .isTrue();
    }

    @Test
    void aTaskIsLoopingOnlyWhenItsWaitsAreBackToBack() {
        Stack poll = table.intern(List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.LinkedBlockingQueue.poll", 460), f("com.acme.export.Exporter.lambda$start$0", 35),
                f("java.util.concurrent.FutureTask.run", 317), f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1144),
                f("java.lang.Thread.run", 1583)), false);
        StackShape shape = sites.shape(poll);
        WaitHistory history = new WaitHistory();
        history.ended(8, poll, shape, EpochNanos.of(T0.plusSeconds(2)), 2_000_000_000L);
        assertThat(history.ended(8, poll, shape, EpochNanos.of(T0.plusSeconds(4)), 2_000_000_000L)).as("back to back").isTrue();

        WaitHistory requests = new WaitHistory();
        requests.ended(9, poll, shape, EpochNanos.of(T0.plusSeconds(2)), 2_000_000_000L);
        assertThat(requests.ended(9, poll, shape, EpochNanos.of(T0.plusMillis(4_500)), 2_000_000_000L)).as("half a second between")
                .isFalse();
    }

    @Test
    void aWaitDeepInARequestsCallChainIsNeverALoop() {
        Stack borrow = table.intern(Stacks.LEAKY_POOL_BORROW, false);
        StackShape shape = sites.shape(borrow);
        WaitHistory history = new WaitHistory();
        history.ended(10, borrow, shape, EpochNanos.of(T0.plusSeconds(1)), 700_000_000L);
        assertThat(history.ended(10, borrow, shape, EpochNanos.of(T0.plusMillis(1_700)), 700_000_000L)).isFalse();
        assertThat(history.loopSite(10)).isNull();
    }
}
