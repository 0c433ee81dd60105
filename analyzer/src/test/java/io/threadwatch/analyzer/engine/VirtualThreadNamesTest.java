package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.result.Evidence;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Leaked virtual threads that JFR never saw at an application frame (they parked at once, and a
 * parked virtual thread records nothing) have no site: the finding names them by family instead.
 */
class VirtualThreadNamesTest {

    @Test
    void leakedVirtualThreadsWithoutASiteAreListedByNameFamily() {
        SyntheticRecording recording = new SyntheticRecording();
        for (int i = 0; i < 500; i++) {
            recording.virtualStarted(Duration.ofMillis(80L * i), 10_000 + i, "notify-waiter-" + i);
        }
        for (int i = 0; i < 20; i++) {
            recording.virtualStarted(Duration.ofMillis(2_000L * i), 20_000 + i, "");
        }
        EngineResult result = recording.analyze(Duration.ofSeconds(4), Duration.ofSeconds(40));

        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind().id()).isEqualTo("vthread-leak");
            assertThat(finding.site()).isNull();
            Evidence lastSeen = finding.evidence().get(0);
            assertThat(lastSeen.threads()).containsExactly("notify-waiter-# (500)", "(unnamed) (20)");
            assertThat(lastSeen.detail()).contains("by name: notify-waiter-# (500), (unnamed) (20)");
        });
    }
}
