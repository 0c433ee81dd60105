package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.report.Limitation;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.rules.FindingKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Says what a recording could not show, from its settings and what it holds. */
final class Limitations {

    private static final List<String> BLOCKING_EVENTS = List.of(JfrEventNames.THREAD_PARK,
            JfrEventNames.JAVA_MONITOR_ENTER, JfrEventNames.JAVA_MONITOR_WAIT, JfrEventNames.SOCKET_READ);

    /** The setting that makes thread dumps frequent enough to confirm stuck threads. */
    private static final String DUMP_PERIOD_HINT = "record with threadwatch.jfc or " + JfrEventNames.THREAD_DUMP
            + "#period=10s";

    private Limitations() {
    }

    static List<Limitation> assess(RecordingSettings settings, EventCounts counts, Duration stuckThreshold) {
        List<Limitation> limitations = new ArrayList<>();
        Optional<Boolean> dumpsEnabled = settings.enabled(JfrEventNames.THREAD_DUMP);
        if (counts.dumps == 0 || dumpsEnabled.equals(Optional.of(false))) {
            limitations.add(new Limitation("no-thread-dumps", "the recording has no thread dumps (" + JfrEventNames.THREAD_DUMP + "), so "
                    + "threads blocked forever and deadlocks cannot be seen; " + DUMP_PERIOD_HINT, kinds(FindingKind.BLOCKED_FOREVER, FindingKind.DEADLOCK)));
        } else {
            String period = settings.period(JfrEventNames.THREAD_DUMP).orElse("unknown");
            Optional<Duration> every = RecordingSettings.duration(period);
            if (every.isEmpty() || every.get().compareTo(stuckThreshold.dividedBy(2)) > 0) {
                limitations.add(new Limitation("sparse-thread-dumps", "thread dumps were taken only "
                        + (every.isPresent() ? "every " + period : "at chunk boundaries (period " + period + ")")
                        + ", " + counts.dumps + " in this recording: stuck threads are seen only when a dump is taken, "
                        + "and how long they were blocked is estimated from their last activity; " + DUMP_PERIOD_HINT,
                        kinds(FindingKind.BLOCKED_FOREVER, FindingKind.DEADLOCK)));
            }
        }
        if (settings.enabled(JfrEventNames.THREAD_START).equals(Optional.of(false))
                || (!settings.known() && counts.threadStarts == 0)) {
            limitations.add(new Limitation("no-thread-starts", "the recording has no thread start events ("
                    + JfrEventNames.THREAD_START + "), so thread leaks and creation storms cannot be seen",
                    kinds(FindingKind.THREAD_LEAK, FindingKind.CREATION_STORM)));
        } else if (settings.stackTrace(JfrEventNames.THREAD_START).equals(Optional.of(false))) {
            limitations.add(new Limitation("no-creation-stacks", "thread start events were recorded without stack "
                    + "traces, so leaks and creation storms have no creation site; enable " + JfrEventNames.THREAD_START
                    + "#stackTrace",
                    kinds(FindingKind.THREAD_LEAK, FindingKind.CREATION_STORM)));
        }
        List<String> disabled = new ArrayList<>();
        for (String event : BLOCKING_EVENTS) {
            if (settings.enabled(event).equals(Optional.of(false))) {
                disabled.add(event);
            }
        }
        if (!disabled.isEmpty()) {
            limitations.add(new Limitation("no-blocking-events", "these blocking events were off: "
                    + String.join(", ", disabled) + "; waits of those kinds are not measured",
                    kinds(FindingKind.LONG_BLOCKING, FindingKind.CONTENTION)));
        }
        if (settings.enabled(JfrEventNames.VIRTUAL_THREAD_START).equals(Optional.of(false))
                || settings.enabled(JfrEventNames.VIRTUAL_THREAD_END).equals(Optional.of(false))) {
            limitations.add(new Limitation("no-virtual-thread-lifecycle", "virtual-thread leaks could not be assessed: "
                    + JfrEventNames.VIRTUAL_THREAD_START + " and " + JfrEventNames.VIRTUAL_THREAD_END
                    + " were off (as in the JDK's default and profile settings); record with threadwatch.jfc or "
                    + JfrEventNames.VIRTUAL_THREAD_START + "#enabled=true," + JfrEventNames.VIRTUAL_THREAD_END
                    + "#enabled=true", kinds(FindingKind.VTHREAD_LEAK)));
        }
        if (settings.enabled(JfrEventNames.VIRTUAL_THREAD_PINNED).equals(Optional.of(false))) {
            limitations.add(new Limitation("no-pinning-events", JfrEventNames.VIRTUAL_THREAD_PINNED
                    + " was off, so virtual threads pinned to their carriers cannot be seen",
                    kinds(FindingKind.VTHREAD_PINNING)));
        }
        // Each GC event prevents only what needs it: pauses, overhead and full collections come from
        // jdk.GarbageCollection alone; the live set from jdk.GCHeapSummary (which collections were
        // old ones also needs jdk.GarbageCollection, else every point counts as young-only).
        if (settings.enabled(JfrEventNames.GARBAGE_COLLECTION).equals(Optional.of(false))) {
            limitations.add(new Limitation("no-gc-events", JfrEventNames.GARBAGE_COLLECTION + " was off, so GC "
                    + "pauses, GC overhead and full collections cannot be measured",
                    kinds(FindingKind.GC_PRESSURE)));
        }
        if (settings.enabled(JfrEventNames.GC_HEAP_SUMMARY).equals(Optional.of(false))) {
            limitations.add(new Limitation("no-heap-summaries", JfrEventNames.GC_HEAP_SUMMARY + " was off, so the "
                    + "heap after GC is unknown: its growth cannot be measured, and a full heap shows only as "
                    + "collections and pauses", kinds(FindingKind.HEAP_GROWTH)));
        }
        if (settings.enabled(JfrEventNames.OLD_OBJECT_SAMPLE).equals(Optional.of(false))) {
            limitations.add(new Limitation("no-leak-candidates", JfrEventNames.OLD_OBJECT_SAMPLE + " was off, so a "
                    + "growing heap has no evidence of what stays alive or where it is allocated",
                    kinds(FindingKind.HEAP_GROWTH)));
        } else if (settings.stackTrace(JfrEventNames.OLD_OBJECT_SAMPLE).equals(Optional.of(false))) {
            limitations.add(new Limitation("no-allocation-stacks", JfrEventNames.OLD_OBJECT_SAMPLE + " was recorded "
                    + "without stack traces (as in the JDK's default settings), so a growing heap has no allocation "
                    + "site; enable " + JfrEventNames.OLD_OBJECT_SAMPLE + "#stackTrace (threadwatch.jfc does)",
                    kinds(FindingKind.HEAP_GROWTH)));
        }
        if (!settings.known()) {
            limitations.add(new Limitation("unknown-settings", "the recording does not list its settings ("
                    + JfrEventNames.ACTIVE_SETTING + "), so a missing finding may be a missing event rather than health",
                    kinds(FindingKind.values())));
        }
        return limitations;
    }

    private static List<String> kinds(FindingKind... kinds) {
        List<String> ids = new ArrayList<>();
        for (FindingKind kind : kinds) {
            ids.add(kind.id());
        }
        return ids;
    }

    /** How many events of the types the limitations depend on the recording held. */
    static final class EventCounts {
        long dumps;
        long threadStarts;
    }
}
