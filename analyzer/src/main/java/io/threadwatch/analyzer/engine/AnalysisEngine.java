package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.CpuCount;
import io.threadwatch.analyzer.event.EpochNanos;
import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.G1CollectionTyped;
import io.threadwatch.analyzer.event.GarbageCollected;
import io.threadwatch.analyzer.event.GcConfigured;
import io.threadwatch.analyzer.event.HeapAfterGc;
import io.threadwatch.analyzer.event.HeapConfigured;
import io.threadwatch.analyzer.event.JvmInfo;
import io.threadwatch.analyzer.event.OldObjectSampled;
import io.threadwatch.analyzer.event.Pinned;
import io.threadwatch.analyzer.event.SettingObserved;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.SubmitFailed;
import io.threadwatch.analyzer.event.ThreadCount;
import io.threadwatch.analyzer.event.ThreadDumped;
import io.threadwatch.analyzer.event.ThreadEnded;
import io.threadwatch.analyzer.event.ThreadSampled;
import io.threadwatch.analyzer.event.ThreadStarted;
import io.threadwatch.analyzer.event.VirtualThreadEnded;
import io.threadwatch.analyzer.event.VirtualThreadStarted;
import io.threadwatch.analyzer.pattern.PatternClassifier;
import io.threadwatch.analyzer.result.Finding;
import io.threadwatch.analyzer.result.Limitation;
import io.threadwatch.analyzer.result.SliSample;
import io.threadwatch.rules.FindingKind;
import io.threadwatch.rules.RuleEvaluator;
import io.threadwatch.rules.Sample;
import io.threadwatch.rules.Transition;
import io.threadwatch.rules.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Feeds events into the engine's state, closes windows as event time passes them, and runs the
 * rules on each window's SLIs. One engine analyzes one recording.
 */
public final class AnalysisEngine implements EventSink {

    private final EngineSettings settings;
    private final WindowClock clock;
    private final Sites sites;
    private final WaitHistory waitHistory = new WaitHistory();
    private final Explanations explanations = new Explanations();
    private final ThreadLedger ledger;
    private final ThreadGauges threadGauges;
    private final BlockingStats blocking;
    private final DumpAnalysis dumps;
    private final VirtualThreads virtualThreads;
    private final PinningStats pinning;
    private final HeapAndGc heap;
    private final LeakCandidates leakCandidates;
    private final PlatformThreadLeaks threadLeaks;
    private final RecordingSettings recordingSettings = new RecordingSettings();
    /** Every detector's SLIs, in the order the report lists them. */
    private final List<SliProducer> detectors;
    /** Findings from the rules' firings, with each detector's evidence. */
    private final FindingAssembler assembler;
    private final Limitations.EventCounts counts = new Limitations.EventCounts();
    private final RuleEvaluator evaluator;
    private final List<SliSample> slis = new ArrayList<>();
    private final Map<Class<?>, Consumer<Event>> handlers = new HashMap<>();
    /** Live: how many firings each open finding (by id) has, so that it fires and clears once. */
    private final Map<String, Integer> activeFirings = new HashMap<>();
    /** Live: the open virtual-thread leaks with a site, by id. */
    private final Set<String> openLocatedLeaks = new HashSet<>();
    /** Live: open unlocated virtual-thread leaks that fired while a located one was open, not announced, by id. */
    private final Map<String, Finding> foldedLeaks = new HashMap<>();
    private final WindowListener listener;
    private final RecordingGaps gaps = new RecordingGaps();
    private JvmInfo jvm;
    private int windows;
    private boolean finished;
    /** The latest {@code jdk.ThreadDump}, for the stacks of {@link #liveThreads()}. */
    private ThreadDump lastDump;

    /** An engine for offline analysis: the result comes from {@link #finish}. */
    public AnalysisEngine(EngineSettings settings) {
        this(settings, WindowListener.NONE);
    }

    /** An engine that also tells {@code listener} about each window as it closes (live mode). */
    public AnalysisEngine(EngineSettings settings, WindowListener listener) {
        this.settings = settings;
        this.listener = listener;
        this.clock = new WindowClock(settings.origin(), settings.window());
        this.sites = new Sites(new FrameClassifier(settings.catalog()));
        this.blocking = new BlockingStats(settings.origin());
        this.ledger = new ThreadLedger(sites, waitHistory);
        this.threadGauges = new ThreadGauges(ledger);
        this.dumps = new DumpAnalysis(sites, ledger, settings.stuckThreshold(), waitHistory, explanations);
        this.virtualThreads = new VirtualThreads(sites);
        this.pinning = new PinningStats(sites);
        this.heap = new HeapAndGc(settings.origin(), settings.window().multipliedBy(settings.leakSpanWindows()));
        this.leakCandidates = new LeakCandidates(sites);
        this.evaluator = new RuleEvaluator(settings.rules());
        this.threadLeaks = new PlatformThreadLeaks(ledger, dumps, settings, explanations);
        VirtualThreadLeaks virtualThreadLeaks = new VirtualThreadLeaks(virtualThreads, recordingSettings, settings);
        this.detectors = List.of(threadGauges, threadLeaks, dumps, virtualThreadLeaks, blocking, pinning, heap);
        this.assembler = new FindingAssembler(sites,
                List.of(threadLeaks, dumps, virtualThreadLeaks, blocking, pinning, heap, leakCandidates),
                new FindingConfidence(ledger, dumps), virtualThreadLeaks,
                new PatternClassifier(settings.catalog().patterns()));
        registerHandlers();
    }

    /** Takes the next event, in commit-time order. */
    @Override
    public void accept(Event event) {
        advanceTo(event.time());
        Consumer<Event> handler = handlers.get(event.getClass());
        if (handler == null) {
            throw new IllegalArgumentException("no handler for " + event.getClass().getName());
        }
        handler.accept(event);
    }

    /**
     * Takes the next event when it is a {@link Blocked} wait, by its fields, as
     * {@code accept(new Blocked(...))} would, without building the record: waits are most of a
     * recording's events.
     */
    @Override
    public void blocked(long timeEpochNanos, BlockingKind kind, long threadId, long durationNanos, Stack stack,
                        boolean timed, boolean timedOut, String blocker) {
        requireRunning();
        take(clock.advanceTo(timeEpochNanos));
        onBlocked(timeEpochNanos, kind, threadId, durationNanos, stack, timed, timedOut, blocker);
    }

    /**
     * Closes the windows that end at or before {@code time}. Live mode calls this when the stream
     * flushes, so that windows close even when no event arrives.
     */
    public void advanceTo(Instant time) {
        requireRunning();
        take(clock.advanceTo(time));
    }

    private void requireRunning() {
        if (finished) {
            throw new IllegalStateException("the engine has finished");
        }
    }

    /**
     * Offline: analyzes only the stretches of event time the recording covers (its chunks, merged
     * where they touch), sorted and apart; between them no window is cut, and nothing seen before
     * a stretch that was not recorded is carried past it. Call before the first event.
     */
    public void recordedOnly(List<Window> stretches) {
        clock.recordedOnly(stretches);
    }

    private void take(List<WindowClock.Step> steps) {
        // Almost every event closes no window: no iterator for those, on the per-wait path.
        if (steps.isEmpty()) {
            return;
        }
        for (WindowClock.Step step : steps) {
            if (step.gap()) {
                skip(step.window());
            } else {
                close(step.window());
            }
        }
    }

    /**
     * Nothing was recorded over {@code gap}: its windows are not analyzed, and what only held
     * across it is forgotten. Streaks of windows end (rules evaluate one window without samples),
     * a wait seen in dumps before it is not charged with the gap's length, and the live-thread
     * count waits for the next statistics event. The recording may resume in another JVM.
     */
    private void skip(Window gap) {
        gaps.skipped(gap);
        evaluator.evaluate(gap, List.of());
        for (TrackedThread thread : ledger.live()) {
            thread.forgetWaits();
        }
        threadGauges.forgetCount();
    }

    /** One handler per event type, as the source has one translator per JFR event type. */
    private void registerHandlers() {
        on(Blocked.class, this::onBlocked);
        on(ThreadSampled.class, this::onSampled);
        on(ThreadStarted.class, started -> {
            counts.threadStarts++;
            ledger.started(started);
        });
        on(ThreadEnded.class, ledger::ended);
        on(ThreadDumped.class, dumped -> {
            counts.dumps++;
            lastDump = ThreadDumpParser.parse(dumped.time(), dumped.text());
            dumps.analyze(lastDump);
        });
        on(ThreadCount.class, threadGauges::counted);
        on(CpuCount.class, threadGauges::counted);
        on(JvmInfo.class, info -> jvm = info);
        on(SettingObserved.class, recordingSettings::observe);
        on(VirtualThreadStarted.class, started -> {
            counts.virtualThreadStarts++;
            virtualThreads.started(started.threadId(), started.threadName());
        });
        on(VirtualThreadEnded.class, ended -> {
            virtualThreads.ended(ended.threadId());
            waitHistory.forget(ended.threadId());
        });
        on(Pinned.class, pinned -> {
            virtualThreads.seen(pinned.threadId(), pinned.stack());
            pinning.record(pinned);
        });
        on(SubmitFailed.class, pinning::record);
        on(GarbageCollected.class, heap::collected);
        on(HeapAfterGc.class, heap::heapAfterGc);
        on(GcConfigured.class, heap::configured);
        on(HeapConfigured.class, heap::configured);
        on(G1CollectionTyped.class, heap::typed);
        on(OldObjectSampled.class, leakCandidates::sampled);
    }

    private <E extends Event> void on(Class<E> type, Consumer<E> handler) {
        handlers.put(type, event -> handler.accept(type.cast(event)));
    }

    private void onSampled(ThreadSampled sampled) {
        if (sampled.virtual()) {
            virtualThreads.seen(sampled.threadId(), sampled.stack());
        } else {
            ledger.active(sampled.threadId(), sampled.time());
        }
    }

    private void onBlocked(Blocked event) {
        onBlocked(EpochNanos.of(event.time()), event.kind(), event.threadId(), event.durationNanos(), event.stack(),
                event.timed(), event.timedOut(), event.blocker());
    }

    private void onBlocked(long timeEpochNanos, BlockingKind kind, long threadId, long durationNanos, Stack stack,
                           boolean timed, boolean timedOut, String blocker) {
        ledger.active(threadId, timeEpochNanos);
        virtualThreads.seen(threadId, stack);
        StackShape shape = sites.shape(stack);
        boolean repeat = waitHistory.ended(threadId, stack, shape, timeEpochNanos, durationNanos);
        WaitJudge.Verdict verdict = WaitJudge.event(shape, kind, repeat, timedOut);
        if (!verdict.idle()) {
            blocking.record(kind, timeEpochNanos, durationNanos, timed, stack, blocker, shape.site());
            return;
        }
        Explanations.Entry entry = explanations.idle(verdict, shape, stack);
        if (entry != null) {
            entry.observed();
        }
    }

    /**
     * The platform threads alive now by the ledger, oldest id first, each with its creation site
     * when the recording saw it start and its stack in the latest dump that listed it.
     */
    public List<LiveThread> liveThreads() {
        Map<Long, DumpedThread> dumped = new HashMap<>();
        if (lastDump != null) {
            for (DumpedThread thread : lastDump.threads()) {
                dumped.put(thread.threadId(), thread);
            }
        }
        List<LiveThread> threads = new ArrayList<>();
        ledger.live().stream().sorted(Comparator.comparingLong(t -> t.id))
                .forEach(thread -> threads.add(LiveThread.of(thread.name, thread.creationSite, dumped.get(thread.id))));
        return threads;
    }

    /** Closes the remaining windows at {@code end} and assembles the findings. */
    public EngineResult finish(Instant end) {
        requireRunning();
        List<WindowClock.Step> last = clock.finish(end);
        Duration observed = Duration.between(settings.origin(), end).minus(gaps.skipped());
        if (observed.compareTo(settings.stuckThreshold()) < 0) {
            // Too short to confirm a stuck thread: what waited all along is at least a suspect.
            dumps.suspect(gaps.resumed(settings.origin()), end);
        }
        take(last);
        finished = true;
        List<Limitation> limitations = new ArrayList<>(
                Limitations.assess(recordingSettings, counts, settings, observed));
        limitations.addAll(gaps.limitations());
        return new EngineResult(slis, assembler.assemble(threadLeaks.withoutLeaksThatEnded(evaluator.firings())),
                limitations, explanations.report(),
                windows,
                threadGauges.cpus(), jvm == null ? "" : jvm.name(), jvm == null ? "" : jvm.version());
    }

    private void close(Window window) {
        windows++;
        List<Sample> samples = new ArrayList<>();
        for (SliProducer detector : detectors) {
            samples.addAll(detector.closeWindow(window));
        }
        List<Transition> transitions = evaluator.evaluate(window, samples);
        if (!settings.keepSlis() && listener == WindowListener.NONE) {
            return;
        }
        List<SliSample> points = new ArrayList<>(samples.size());
        for (Sample sample : samples) {
            points.add(new SliSample(window.end(), sample.name(), sample.labels(), sample.value()));
        }
        if (settings.keepSlis()) {
            slis.addAll(points);
        }
        if (listener != WindowListener.NONE) {
            listener.windowClosed(new ClosedWindow(window.start(), window.end(), points, changes(transitions)));
        }
    }

    /**
     * Each transition as a finding; a fired one with the evidence the engine holds now. A finding
     * is one problem (a kind at a site), as in the offline report: it fires when the first of its
     * firings (rules, horizons) starts and clears when the last one ends, so that a leak seen over
     * the whole observation and, later, over the last hour is one alert, not two.
     */
    private List<ClosedWindow.FindingChange> changes(List<Transition> transitions) {
        if (transitions.isEmpty()) {
            return List.of();
        }
        List<ClosedWindow.FindingChange> changes = new ArrayList<>(transitions.size());
        // Located findings first, so that a located leak that fires in the same window as the unseen group's absorbs it.
        List<Map.Entry<Boolean, Finding>> found = new ArrayList<>();
        for (Transition transition : transitions) {
            for (Finding finding : assembler.assemble(List.of(transition.firing()))) {
                found.add(Map.entry(transition.type() == Transition.Type.FIRED, finding));
            }
        }
        found.sort(Comparator.comparing(entry -> entry.getValue().site() == null));
        for (Map.Entry<Boolean, Finding> entry : found) {
            boolean fired = entry.getKey();
            Finding finding = entry.getValue();
            int before = activeFirings.getOrDefault(finding.id(), 0);
            int after = fired ? before + 1 : Math.max(0, before - 1);
            if (after == 0) {
                activeFirings.remove(finding.id());
            } else {
                activeFirings.put(finding.id(), after);
            }
            boolean leak = finding.kind() == FindingKind.VTHREAD_LEAK;
            if (fired && before == 0) {
                // As offline (FindingAssembler): the unseen group's growth during a located leak is that leak.
                if (leak && finding.site() == null && !openLocatedLeaks.isEmpty()) {
                    foldedLeaks.put(finding.id(), finding);
                    continue;
                }
                if (leak && finding.site() != null) {
                    openLocatedLeaks.add(finding.id());
                }
                changes.add(new ClosedWindow.FindingChange(ClosedWindow.FindingChange.State.FIRED, finding));
            } else if (!fired && before > 0 && after == 0) {
                if (foldedLeaks.remove(finding.id()) != null) {
                    continue;
                }
                changes.add(new ClosedWindow.FindingChange(ClosedWindow.FindingChange.State.CLEARED, finding));
                if (openLocatedLeaks.remove(finding.id()) && openLocatedLeaks.isEmpty()) {
                    // The located leak ended but the unseen group still grows: now it is news of its own.
                    for (Finding folded : foldedLeaks.values()) {
                        changes.add(new ClosedWindow.FindingChange(ClosedWindow.FindingChange.State.FIRED, folded));
                    }
                    foldedLeaks.clear();
                }
            }
        }
        return changes;
    }
}
