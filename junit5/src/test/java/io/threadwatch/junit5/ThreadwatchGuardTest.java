package io.threadwatch.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.threadwatch.junit5.examples.GuardExample;
import io.threadwatch.junit5.examples.AllowListExample;
import io.threadwatch.junit5.examples.CleanExample;
import io.threadwatch.junit5.examples.ExecutorLeakExample;
import io.threadwatch.junit5.examples.Leftovers;
import io.threadwatch.junit5.examples.LineageExample;
import io.threadwatch.junit5.examples.StuckExample;
import io.threadwatch.junit5.examples.TimerLeakExample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The guard on real tests, run by JUnit's own engine: leaking and stuck examples fail with the
 * site that made their threads, clean ones pass.
 */
class ThreadwatchGuardTest {

    @AfterEach
    void cleanUp() {
        Leftovers.cleanUp();
    }

    @Test
    void aTestThatLeaksAnExecutorFailsAtTheLineThatStartedItsWorker() {
        String message = onlyFailure(run(Map.of(), selectClass(ExecutorLeakExample.class)));
        assertThat(message)
                .contains("Threadwatch guard: 1 finding after ExecutorLeakExample.leaksAPool()")
                .contains("thread-leak at io.threadwatch.junit5.examples.ExecutorLeakExample.leaksAPool("
                        + "ExecutorLeakExample.java:")
                .contains("1 thread this test started is still running 300 ms after it ended: pool-")
                .contains("java.util.concurrent.ThreadPoolExecutor.addWorker")
                .contains("java.util.concurrent.ThreadPoolExecutor.getTask")
                .contains("pattern: executor-per-call-never-shutdown")
                .contains("fix: create the executor once and share it, or shut it down");
    }

    @Test
    void aTestThatLeaksATimerFails() {
        String message = onlyFailure(run(Map.of(), selectClass(TimerLeakExample.class)));
        assertThat(message)
                .contains("thread-leak at io.threadwatch.junit5.examples.TimerLeakExample.leaksATimer(TimerLeakExample.java:")
                .contains(": refresh-timer")
                .contains("java.util.TimerThread.mainLoop")
                .contains("pattern: timer-never-cancelled")
                .contains("fix: create one Timer");
    }

    @Test
    void cleanTestsPass() {
        Events tests = run(Map.of(), selectClass(CleanExample.class));
        tests.assertStatistics(stats -> stats.started(5).succeeded(5).failed(0));
    }

    @Test
    void threadsAllowedByNameOrSiteDoNotFailTheTest() {
        Events tests = run(Map.of(), selectClass(AllowListExample.class));
        tests.assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
    }

    @Test
    void theAllowListAlsoComesFromConfigurationParameters() {
        Events tests = run(Map.of(GuardDefaults.ALLOW_THREADS, "pool-\\d+-thread-\\d+"),
                selectClass(ExecutorLeakExample.class));
        tests.assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    }

    @Test
    void theGuardCanBeSwitchedOffForTheWholeRun() {
        Events tests = run(Map.of(GuardDefaults.ENABLED, "false"), selectClass(TimerLeakExample.class));
        tests.assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    }

    @Test
    void aThreadWaitingForALatchNobodyCountsDownIsBlockedForeverWhereItWaits() {
        String message = onlyFailure(run(Map.of(), selectMethod(StuckExample.class, "awaitsALatchNobodyCountsDown")));
        assertThat(message)
                .contains("blocked-forever at io.threadwatch.junit5.examples.StuckExample.awaitQuietly(StuckExample.java:")
                .contains("still waiting, without a timeout, 300 ms after it ended: latch-waiter")
                .contains("\"latch-waiter\" WAITING:")
                .contains("java.util.concurrent.CountDownLatch.await")
                .contains("created by:")
                .contains("StuckExample.awaitsALatchNobodyCountsDown(StuckExample.java:")
                .contains("pattern: latch-never-counted-down")
                .contains("fix: count down in a finally block on every path");
    }

    @Test
    void aThreadBlockedOnALockHeldForeverFailsWithBothThreads() {
        String message = onlyFailure(run(Map.of(), selectMethod(StuckExample.class, "blocksOnALockHeldForever")));
        assertThat(message)
                .contains("Threadwatch guard: 2 findings")
                .contains("\"lock-waiter\" BLOCKED:")
                .contains("blocked-forever at io.threadwatch.junit5.examples.StuckExample.enterTheLock(StuckExample.java:")
                .contains("\"lock-holder\" WAITING:")
                // A monitor held by a thread waiting on a latch: no catalog pattern names the waiter's shape, and
                // the message says so rather than guess; the holder's wait is the latch's.
                .contains("pattern: unclassified (no known shape matches this evidence)")
                .contains("pattern: latch-never-counted-down");
    }

    @Test
    void aThreadIsTheTestsWhenItsStarterIsEvenAfterTheStarterEnded() {
        String message = onlyFailure(run(Map.of(),
                selectMethod(LineageExample.class, "aThreadStartedByAThreadTheTestStartedIsTheTests")));
        assertThat(message)
                .contains("thread-leak at io.threadwatch.junit5.examples.LineageExample.startSleeper(LineageExample.java:")
                .contains("still running 300 ms after it ended: sleeper");
    }

    @Test
    void aThreadStartedByAThreadThatExistedBeforeTheTestIsNotTheTests() throws Exception {
        LineageExample.OUTSIDER.submit(() -> { }).get(); // its worker now exists, before the test
        Events tests = run(Map.of(),
                selectMethod(LineageExample.class, "aThreadStartedByAThreadFromBeforeTheTestIsNotTheTests"));
        tests.assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    }

    @Test
    void aMalformedAllowListFailsTheTestNamingTheParameter() {
        Events tests = run(Map.of(GuardDefaults.ALLOW_THREADS, "pool-("), selectClass(ExecutorLeakExample.class));
        tests.assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = tests.failed().stream()
                .map(event -> event.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .getThrowable().orElseThrow())
                .findFirst().orElseThrow();
        assertThat(failure).isInstanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class)
                .hasMessageContaining("threadwatch.guard.allow-threads 'pool-('");
    }

    private static Events run(Map<String, String> configuration, DiscoverySelector selector) {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").configurationParameter(GuardExample.RUN, "true")
                .configurationParameters(configuration)
                .selectors(selector)
                .execute();
        return results.testEvents();
    }

    /** The message of the one failed test. */
    private static String onlyFailure(Events tests) {
        tests.assertStatistics(stats -> stats.started(1).failed(1).succeeded(0));
        List<Throwable> failures = tests.failed().stream()
                .map(event -> event.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .getThrowable().orElseThrow())
                .toList();
        assertThat(failures).singleElement().isInstanceOf(AssertionError.class);
        return failures.get(0).getMessage();
    }
}
