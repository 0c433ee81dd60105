package io.threadwatch.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.threadwatch.junit5.examples.GuardExample;
import io.threadwatch.junit5.examples.GuardedTrivialExample;
import io.threadwatch.junit5.examples.TrivialExample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;

/**
 * What the guard costs, read from the engine's own event times (a test's "started" to its
 * "finished" spans its {@code beforeEach} and {@code afterEach} callbacks): once per run, in the
 * first guarded test, JFR's stream starting and catching up; then per test that leaves no new
 * thread behind, two thread enumerations. The figures go to the README.
 */
class GuardCostTest {

    private static final int TESTS = 50;

    @Test
    void theGuardAddsLittleToATestThatLeavesNothingBehind() {
        List<Duration> guarded = durations(GuardedTrivialExample.class);
        List<Duration> plain = durations(TrivialExample.class);
        Duration startup = guarded.get(0).minus(plain.get(0));
        long perTestMicros = (median(guarded.subList(1, TESTS)) - median(plain.subList(1, TESTS))) / 1_000L;
        System.out.printf("threadwatch guard cost on JDK %d: first guarded test %d ms (stream start), then %d us per test"
                        + " (median guarded %d us, unguarded %d us, %d trivial tests)%n", Runtime.version().feature(),
                startup.toMillis(), perTestMicros, median(guarded.subList(1, TESTS)) / 1_000L,
                median(plain.subList(1, TESTS)) / 1_000L, TESTS);
        assertThat(perTestMicros).as("microseconds the guard adds to a trivial test").isLessThan(5_000);
    }

    /** Each test's span from "started" to "finished", in execution order. */
    private static List<Duration> durations(Class<?> example) {
        Events tests = EngineTestKit.engine("junit-jupiter").configurationParameter(GuardExample.RUN, "true").selectors(selectMethod(example, "fiftyTimes")).execute()
                .testEvents();
        tests.assertStatistics(stats -> stats.started(TESTS).succeeded(TESTS));
        Map<UniqueId, Event> started = new HashMap<>();
        List<Duration> durations = new ArrayList<>();
        tests.stream().forEach(event -> {
            UniqueId id = event.getTestDescriptor().getUniqueId();
            if (event.getType() == EventType.STARTED) {
                started.put(id, event);
            } else if (event.getType() == EventType.FINISHED) {
                durations.add(Duration.between(started.get(id).getTimestamp(), event.getTimestamp()));
            }
        });
        return durations;
    }

    private static long median(List<Duration> durations) {
        return durations.stream().mapToLong(Duration::toNanos).sorted().skip(durations.size() / 2).findFirst()
                .orElseThrow();
    }
}
