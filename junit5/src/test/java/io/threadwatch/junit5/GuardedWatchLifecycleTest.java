package io.threadwatch.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.recorder.Threadwatch;
import io.threadwatch.recorder.Watch;
import io.threadwatch.recorder.WatchOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The guard on this project's own code: the recorder's library API must leave no thread behind
 * once its watch is closed. It lives here, not in {@code recorder}, because this module depends on
 * the recorder at compile scope: a test-scoped dependency back would be a cycle Maven refuses.
 * Its grace is the default, 1.5 s: {@code Watch.close()} lets its workers finish their queues
 * before they end.
 */
@ThreadwatchGuard
class GuardedWatchLifecycleTest {

    @Test
    void aWatchStartedAndClosedLeavesNoThreadRunning() throws Exception {
        Watch watch = Threadwatch.start(WatchOptions.defaults().withWindow(Duration.ofSeconds(1)));
        try {
            assertThat(watch.awaitStreaming(Duration.ofSeconds(60))).isTrue();
        } finally {
            watch.close();
        }
        assertThat(watch.closed()).isTrue();
    }

    @Test
    void closingTwiceStillLeavesNoThreadRunning() throws Exception {
        Watch watch = Threadwatch.start(WatchOptions.defaults().withWindow(Duration.ofSeconds(1)));
        watch.close();
        watch.close();
        assertThat(Threadwatch.current()).isEmpty();
    }
}
