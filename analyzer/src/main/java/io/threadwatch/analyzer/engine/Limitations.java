package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.result.Limitation;
import io.threadwatch.analyzer.result.Values;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.rules.Condition;
import io.threadwatch.rules.FindingKind;
import io.threadwatch.rules.Rule;
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

    static List<Limitation> assess(RecordingSettings settings, EventCounts counts, EngineSettings engine,
                                   Duration observed) {
        Duration stuckThreshold = engine.stuckThreshold();
        List<Limitation> limitations = new ArrayList<>();
        Optional<Boolean> dumpsEnabled = settings.enabled(JfrEventNames.THREAD_DUMP);
        Optional<String> dumpPeriod = settings.period(JfrEventNames.THREAD_DUMP);
        Optional<Duration> dumpEvery = dumpPeriod.flatMap(RecordingSettings::duration);
        if (counts.dumps == 0 && dumpsEnabled.equals(Optional.of(true)) && dumpEvery.isPresent()
                && observed.compareTo(dumpEvery.get()) < 0) {
            // The settings were right: JFR takes the first periodic dump one period in, and the
            // recording ended before that. Telling the user to change them would be wrong advice.
            limitations.add(new Limitation("no-thread-dumps", "the recording has no thread dumps ("
                    + JfrEventNames.THREAD_DUMP + "): it spans " + seconds(observed) + ", less than their period of "
                    + dumpPeriod.get() + ", so threads blocked forever and deadlocks cannot be seen; record for longer "
                    + "than " + dumpPeriod.get()
                    + (dumpEvery.get().compareTo(stuckThreshold.dividedBy(2)) > 0 ? ", or " + DUMP_PERIOD_HINT : ""),
                    kinds(FindingKind.BLOCKED_FOREVER, FindingKind.DEADLOCK)));
        } else if (counts.dumps == 0 || dumpsEnabled.equals(Optional.of(false))) {
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
        if (counts.dumps > 0 && observed.compareTo(stuckThreshold) < 0) {
            limitations.add(new Limitation("short-recording", "the recording spans " + seconds(observed)
                    + ", shorter than the " + seconds(stuckThreshold) + " stuck threshold: a thread that waits without "
                    + "timeout through all of it can be suspected, not confirmed, to be stuck; record for longer than "
                    + seconds(stuckThreshold) + " (or lower --stuck-threshold) to confirm",
                    kinds(FindingKind.BLOCKED_FOREVER)));
        }
        boolean threadStarts = !notRecorded(settings, JfrEventNames.THREAD_START, counts.threadStarts);
        if (threadStarts) {
            // A leak too slow for this span is a limitation only where leaks can be seen at all.
            slowLeaks(engine, observed, FindingKind.THREAD_LEAK).ifPresent(limitations::add);
        }
        if (counts.virtualThreadStarts > 0) {
            slowLeaks(engine, observed, FindingKind.VTHREAD_LEAK).ifPresent(limitations::add);
        }
        if (!threadStarts) {
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
            if (off(settings, event)) {
                disabled.add(event);
            }
        }
        if (!disabled.isEmpty()) {
            limitations.add(new Limitation("no-blocking-events", "these blocking events were off or not recorded: "
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
        if (off(settings, JfrEventNames.GARBAGE_COLLECTION)) {
            limitations.add(new Limitation("no-gc-events", JfrEventNames.GARBAGE_COLLECTION + " was off or not recorded, so GC "
                    + "pauses, GC overhead and full collections cannot be measured",
                    kinds(FindingKind.GC_PRESSURE)));
        }
        if (off(settings, JfrEventNames.GC_HEAP_SUMMARY)) {
            limitations.add(new Limitation("no-heap-summaries", JfrEventNames.GC_HEAP_SUMMARY + " was off or not recorded, so the "
                    + "heap after GC is unknown: its growth cannot be measured, and a full heap shows only as "
                    + "collections and pauses", kinds(FindingKind.HEAP_GROWTH)));
        }
        if (off(settings, JfrEventNames.OLD_OBJECT_SAMPLE)) {
            limitations.add(new Limitation("no-leak-candidates", JfrEventNames.OLD_OBJECT_SAMPLE + " was off or not recorded, so a "
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

    /**
     * Whether the recording's settings turn the event type off, or list other event types but not
     * this one. The JDK writes every setting of every event type it knows at the start of each
     * chunk, enabled or not; a writer that lists only the events it records (async-profiler's
     * JFR output) did not record the rest, and "no finding" there must not read as health.
     */
    private static boolean off(RecordingSettings settings, String eventType) {
        Optional<Boolean> enabled = settings.enabled(eventType);
        return enabled.equals(Optional.of(false)) || settings.known() && enabled.isEmpty();
    }

    /** Off, or none of the event type seen where the settings do not say. */
    private static boolean notRecorded(RecordingSettings settings, String eventType, long seen) {
        Optional<Boolean> enabled = settings.enabled(eventType);
        return enabled.equals(Optional.of(false)) || enabled.isEmpty() && seen == 0;
    }

    /**
     * The slowest leak the rules of {@code kind} can see in an observation this long: they need
     * their growth bound (e.g. +3 threads) over the second half of the span they judge, which is
     * the recent windows, or the whole observation once it is long enough. A limitation when leaks
     * well above the rules' own rate bound would go unseen.
     */
    private static Optional<Limitation> slowLeaks(EngineSettings engine, Duration observed, FindingKind kind) {
        double rate = Double.NaN;
        double growth = Double.NaN;
        for (Rule rule : engine.rules().enabled()) {
            if (rule.kind() != kind) {
                continue;
            }
            for (Condition condition : rule.when()) {
                if (condition.sli().endsWith(".leak.rate")) {
                    rate = Double.isNaN(rate) ? condition.threshold() : Math.min(rate, condition.threshold());
                } else if (condition.sli().endsWith(".leak.growth")) {
                    growth = Double.isNaN(growth) ? condition.threshold() : Math.min(growth, condition.threshold());
                }
            }
        }
        if (Double.isNaN(rate) || Double.isNaN(growth) || observed.isZero()) {
            return Optional.empty();
        }
        Duration recent = engine.window().multipliedBy(engine.leakSpanWindows());
        Duration judged = observed.compareTo(GrowthTrend.MIN_ALL_SPAN) >= 0 ? observed
                : recent.compareTo(observed) < 0 ? recent : observed;
        double hours = judged.toMillis() / 3_600_000.0;
        double slowest = Math.max(rate, growth / (hours / 2));
        if (slowest <= rate * 1.5) {
            return Optional.empty();
        }
        double needed = Math.max(GrowthTrend.MIN_ALL_SPAN.toMinutes(), Math.ceil(2 * growth / rate * 60));
        return Optional.of(new Limitation(kind == FindingKind.THREAD_LEAK ? "slow-thread-leaks" : "slow-vthread-leaks",
                "the recording spans " + seconds(observed) + ": a " + (kind == FindingKind.THREAD_LEAK ? "" : "virtual-")
                        + "thread leak slower than about " + Values.forPeople(Math.round(slowest)) + " threads/hour "
                        + "cannot show the growth the leak rules need here (" + Values.forPeople(growth)
                        + " threads over the second half of "
                        + (judged.equals(observed) ? seconds(judged)
                                : "the latest " + seconds(judged) + ", all they judge in a recording shorter than "
                                        + seconds(GrowthTrend.MIN_ALL_SPAN))
                        + "); a leak at their bound of "
                        + Values.forPeople(rate) + "/hour needs a recording of about " + Values.forPeople(needed)
                        + " minutes", kinds(kind)));
    }

    private static String seconds(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds >= 120) {
            return Values.forPeople(Math.round(duration.toMillis() / 60_000.0 * 10) / 10.0) + " min";
        }
        return Values.forPeople(duration.toMillis() / 1000.0) + " s";
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
        long virtualThreadStarts;
    }
}
