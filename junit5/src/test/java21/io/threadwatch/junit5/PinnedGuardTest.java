package io.threadwatch.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.threadwatch.junit5.examples.GuardExample;
import io.threadwatch.junit5.examples.PinnedExample;
import io.threadwatch.junit5.examples.UnjudgedPinnedExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The pinned opt-in, on JDK 21+ (virtual threads, {@code jdk.VirtualThreadPinned}). */
@EnabledForJreRange(min = JRE.JAVA_21)
class PinnedGuardTest {

    @Test
    void aVirtualThreadPinnedLongerThanTheBoundFailsTheTestAtItsSite() {
        Events tests = run(PinnedExample.class);
        tests.assertStatistics(stats -> stats.started(1).failed(1));
        String message = tests.failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage())
                .findFirst().orElseThrow();
        assertThat(message)
                .contains("vthread-pinning at io.threadwatch.junit5.examples.PinnedExample$SlowInit.<clinit>(PinnedExample.java:")
                .contains("pinned wait(s) longer than 50 ms")
                .containsPattern("virtual thread #\\d+\" pinned \\d{3} ms")
                .contains("pattern: vthread-pinned-native");
    }

    @Test
    void withoutTheOptInPinningAndTheSchedulersCarriersPass() {
        run(UnjudgedPinnedExample.class).assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    }

    private static Events run(Class<?> example) {
        return EngineTestKit.engine("junit-jupiter").configurationParameter(GuardExample.RUN, "true").selectors(selectClass(example)).execute().testEvents();
    }
}
