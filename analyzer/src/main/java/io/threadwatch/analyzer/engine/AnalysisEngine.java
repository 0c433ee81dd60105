package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.CpuCount;
import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.JvmInfo;
import io.threadwatch.analyzer.event.SettingObserved;
import io.threadwatch.analyzer.event.ThreadCount;
import io.threadwatch.analyzer.event.ThreadDumped;
import io.threadwatch.analyzer.event.ThreadEnded;
import io.threadwatch.analyzer.event.ThreadSampled;
import io.threadwatch.analyzer.event.ThreadStarted;
import io.threadwatch.analyzer.report.SliPoint;
import io.threadwatch.analyzer.report.Values;
import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.rules.RuleEvaluator;
import io.threadwatch.rules.Sample;
import io.threadwatch.rules.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Feeds events into the engine's state, closes windows as event time passes them, and runs the
 * rules on each window's SLIs. One engine analyzes one recording.
 */
public final class AnalysisEngine {

    private final EngineSettings settings;
    private final WindowClock clock;
    private final Sites sites;
    private final ThreadLedger ledger;
    private final BlockingStats blocking = new BlockingStats();
    private final LeakTrend leaks;
    private final DumpAnalysis dumps;
    private final RecordingSettings recordingSettings = new RecordingSettings();
    private final Limitations.EventCounts counts = new Limitations.EventCounts();
    private final RuleEvaluator evaluator;
    private final List<SliPoint> slis = new ArrayList<>();
    private ThreadCount latestCount;
    private CpuCount cpus;
    private JvmInfo jvm;
    private int windows;
    private boolean finished;

    public AnalysisEngine(EngineSettings settings) {
        this.settings = settings;
        this.clock = new WindowClock(settings.origin(), settings.window());
        this.sites = new Sites(new FrameClassifier(settings.infrastructure()));
        this.ledger = new ThreadLedger(sites);
        this.leaks = new LeakTrend(settings.origin(), settings.leakSpanWindows());
        this.dumps = new DumpAnalysis(sites, settings.stuckThreshold());
        this.evaluator = new RuleEvaluator(settings.rules());
    }

    /** Takes the next event, in commit-time order. */
    public void accept(Event event) {
        if (finished) {
            throw new IllegalStateException("the engine has finished");
        }
        for (Window window : clock.advanceTo(event.time())) {
            close(window);
        }
        if (event instanceof Blocked blocked) {
            onBlocked(blocked);
        } else if (event instanceof ThreadSampled sampled) {
            ledger.active(sampled.threadId(), sampled.time());
        } else if (event instanceof ThreadStarted started) {
            counts.threadStarts++;
            ledger.started(started);
        } else if (event instanceof ThreadEnded ended) {
            ledger.ended(ended);
        } else if (event instanceof ThreadDumped dumped) {
            counts.dumps++;
            dumps.analyze(ThreadDumpParser.parse(dumped.time(), dumped.text()), ledger);
        } else if (event instanceof ThreadCount count) {
            latestCount = count;
        } else if (event instanceof CpuCount count) {
            if (cpus == null || count.origin().compareTo(cpus.origin()) >= 0) {
                cpus = count;
            }
        } else if (event instanceof JvmInfo info) {
            jvm = info;
        } else if (event instanceof SettingObserved setting) {
            recordingSettings.observe(setting);
        }
    }

    private void onBlocked(Blocked event) {
        ledger.active(event.threadId(), event.time());
        Sites.Classified classified = sites.classify(event.stack());
        if (!classified.idle()) {
            blocking.record(event, classified.site());
        }
    }

    /** Closes the remaining windows at {@code end} and assembles the findings. */
    public EngineResult finish(Instant end) {
        if (finished) {
            throw new IllegalStateException("the engine has finished");
        }
        for (Window window : clock.finish(end)) {
            close(window);
        }
        finished = true;
        FindingAssembler assembler = new FindingAssembler(sites, ledger, blocking, dumps);
        return new EngineResult(slis, assembler.assemble(evaluator.firings()),
                Limitations.assess(recordingSettings, counts, settings.stuckThreshold()), windows,
                cpus == null ? null : cpus.cpus(), jvm == null ? "" : jvm.name(), jvm == null ? "" : jvm.version());
    }

    private void close(Window window) {
        windows++;
        List<Sample> samples = new ArrayList<>();
        if (latestCount != null) {
            samples.add(Sli.THREADS_LIVE.sample(latestCount.live()));
        } else if (ledger.liveCount() > 0) {
            samples.add(Sli.THREADS_LIVE.sample(ledger.liveCount()));
        }
        if (cpus != null) {
            samples.add(Sli.THREADS_ACTIVE_RATIO.sample((double) ledger.applicationCount() / cpus.cpus()));
        }
        threadSamples(window, samples);
        samples.addAll(blocking.closeWindow(window));
        evaluator.evaluate(window, samples);
        if (settings.keepSlis()) {
            String time = Values.instant(window.end());
            for (Sample sample : samples) {
                slis.add(new SliPoint(time, sample.name(), sample.labels(), Values.round(sample.value())));
            }
        }
    }

    private void threadSamples(Window window, List<Sample> samples) {
        double seconds = window.length().toNanos() / 1e9;
        for (ThreadLedger.SiteThreads site : ledger.sites()) {
            String label = site.site.label();
            if (site.startedInWindow > 0) {
                samples.add(Sli.THREADS_START_RATE.sample(site.startedInWindow / seconds, "site", label));
            }
            if (!site.live.isEmpty() || leaks.tracks(site.site)) {
                leaks.add(site.site, window.end(), site.live.size());
            }
            LeakTrend.Trend trend = leaks.trend(site.site);
            if (trend != null) {
                samples.add(Sli.THREADS_LEAK_RATE.sample(trend.threadsPerHour(), "site", label));
                samples.add(Sli.THREADS_LEAK_PVALUE.sample(trend.pValue(), "site", label));
                samples.add(Sli.THREADS_LEAK_GROWTH.sample(trend.recentGrowth(), "site", label));
            }
        }
        ledger.resetWindowStarts();
        leaks.forgetIdle();
        Map<String, Integer> stuck = new TreeMap<>();
        for (TrackedThread thread : ledger.live()) {
            if (thread.stuck != null) {
                stuck.merge(thread.stuck.site().label() + "\n" + thread.stuck.state(), 1, Integer::sum);
            }
        }
        stuck.forEach((key, count) -> {
            String[] siteAndState = key.split("\n", 2);
            samples.add(Sli.THREADS_STUCK.sample(count, "site", siteAndState[0], "state", siteAndState[1]));
        });
        Map<String, Integer> deadlocked = new TreeMap<>();
        for (DumpAnalysis.Deadlock deadlock : dumps.deadlocks()) {
            deadlocked.merge(deadlock.site().label(), deadlock.members().size(), Integer::sum);
        }
        deadlocked.forEach((site, count) -> samples.add(Sli.THREADS_DEADLOCKED.sample(count, "site", site)));
    }
}
