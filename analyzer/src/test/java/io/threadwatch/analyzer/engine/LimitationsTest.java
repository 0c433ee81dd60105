package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.event.SettingObserved;
import io.threadwatch.analyzer.result.Limitation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A recording without thread dumps says why, and the advice fits the cause: a recording shorter
 * than the dump period it was made with needs to run longer, not other settings.
 */
class LimitationsTest {

    @Test
    void aRecordingShorterThanItsDumpPeriodIsToldToRunLonger() {
        Limitation limitation = noThreadDumps(dumpsEvery("10 s"), 6.5);

        assertThat(limitation.message()).isEqualTo("the recording has no thread dumps (jdk.ThreadDump): it spans 6.5 s, "
                + "less than their period of 10 s, so threads blocked forever and deadlocks cannot be seen; record for "
                + "longer than 10 s");
        assertThat(limitation.kinds()).containsExactly("blocked-forever", "deadlock");
    }

    /** The JDK's {@code profile} settings take a dump a minute: running longer is not enough to confirm a stuck thread. */
    @Test
    void aPeriodTooLongForTheStuckThresholdAlsoGetsTheSettingsHint() {
        Limitation limitation = noThreadDumps(dumpsEvery("60 s"), 40);

        assertThat(limitation.message()).endsWith("record for longer than 60 s, or record with threadwatch.jfc or "
                + "jdk.ThreadDump#period=10s");
    }

    @Test
    void noDumpsDespiteALongEnoughRecordingOrDumpsOffGetTheSettingsHint() {
        assertThat(noThreadDumps(dumpsEvery("10 s"), 30).message())
                .isEqualTo("the recording has no thread dumps (jdk.ThreadDump), so threads blocked forever and deadlocks "
                        + "cannot be seen; record with threadwatch.jfc or jdk.ThreadDump#period=10s");
        EngineRun off = new EngineRun(Duration.ofSeconds(1));
        off.add(new SettingObserved(off.at(0), "jdk.ThreadDump", "enabled", "false"));
        off.add(new SettingObserved(off.at(0), "jdk.ThreadDump", "period", "10 s"));
        assertThat(noThreadDumps(off, 6.5).message()).endsWith("record with threadwatch.jfc or jdk.ThreadDump#period=10s");
    }

    /**
     * async-profiler's JFR output lists settings only for the types it declares (samples, monitor
     * enters and parks over its lock threshold): every other event the analysis reads was not
     * recorded, and the report must say so instead of reading as a healthy run.
     */
    @Test
    void eventTypesTheSettingsDoNotMentionWereNotRecorded() {
        EngineRun run = new EngineRun(Duration.ofSeconds(1));
        for (String type : new String[] {"jdk.ExecutionSample", "jdk.JavaMonitorEnter", "jdk.ThreadPark"}) {
            run.add(new SettingObserved(run.at(0), type, "enabled", "true"));
        }
        java.util.Map<String, String> byId = new java.util.HashMap<>();
        for (Limitation limitation : run.finish(30).limitations()) {
            byId.put(limitation.id(), limitation.message());
        }

        assertThat(byId).containsKeys("no-thread-starts", "no-thread-dumps", "no-gc-events", "no-heap-summaries",
                "no-leak-candidates").doesNotContainKeys("slow-thread-leaks", "unknown-settings");
        assertThat(byId.get("no-blocking-events")).isEqualTo("these blocking events were off or not recorded: "
                + "jdk.JavaMonitorWait, jdk.SocketRead; waits of those kinds are not measured");
    }

    /** A JDK recording names every type: one whose thread starts are on keeps its leak rules. */
    @Test
    void eventTypesTheSettingsTurnOnAreNotLimitations() {
        EngineRun run = new EngineRun(Duration.ofSeconds(1));
        for (String type : new String[] {"jdk.ThreadStart", "jdk.ThreadPark", "jdk.JavaMonitorEnter",
                "jdk.JavaMonitorWait", "jdk.SocketRead", "jdk.GarbageCollection", "jdk.GCHeapSummary"}) {
            run.add(new SettingObserved(run.at(0), type, "enabled", "true"));
        }
        assertThat(run.finish(30).limitations()).extracting(Limitation::id)
                .doesNotContain("no-thread-starts", "no-blocking-events", "no-gc-events", "no-heap-summaries")
                .contains("slow-thread-leaks");
    }

    private static EngineRun dumpsEvery(String period) {
        EngineRun run = new EngineRun(Duration.ofSeconds(1));
        run.add(new SettingObserved(run.at(0), "jdk.ThreadDump", "enabled", "true"));
        run.add(new SettingObserved(run.at(0), "jdk.ThreadDump", "period", period));
        return run;
    }

    private static Limitation noThreadDumps(EngineRun run, double seconds) {
        return run.finish(seconds).limitations().stream().filter(l -> l.id().equals("no-thread-dumps")).findFirst()
                .orElseThrow(() -> new AssertionError("no no-thread-dumps limitation"));
    }
}
