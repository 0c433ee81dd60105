package io.threadwatch.recorder;

import io.micrometer.core.instrument.Tags;
import io.threadwatch.analyzer.engine.ClosedWindow;
import io.threadwatch.analyzer.engine.EngineSettings;
import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.LiveLine;
import io.threadwatch.analyzer.report.Rendering;
import io.threadwatch.analyzer.report.SliPoint;
import io.threadwatch.analyzer.result.SliSample;
import io.threadwatch.analyzer.result.Values;
import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.analyzer.source.JfrEventSettings;
import io.threadwatch.analyzer.source.JfrSettings;
import io.threadwatch.recorder.evidence.EvidenceWriter;
import io.threadwatch.recorder.evidence.ThreadDumps;
import io.threadwatch.recorder.publish.JsonLinesSink;
import io.threadwatch.recorder.publish.PrometheusEndpoint;
import io.threadwatch.recorder.publish.ThreadwatchMetrics;
import io.threadwatch.recorder.safety.BoundedWorker;
import io.threadwatch.recorder.safety.Failures;
import io.threadwatch.recorder.safety.Opened;
import io.threadwatch.recorder.stream.JfrStream;
import io.threadwatch.recorder.stream.LiveEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import javax.management.MBeanServerConnection;

/**
 * A running watch: a JFR stream read by the analyzer's engine, publishing each window to
 * Micrometer and JSON Lines and capturing evidence when a finding fires. Obtain one from
 * {@link Threadwatch}; {@link #close()} stops it (again is a no-op).
 *
 * <p>Threads: the stream's own dispatch thread runs the engine; {@code threadwatch-output} writes
 * lines and updates meters; {@code threadwatch-evidence} writes thread dumps and snapshots, and asks
 * JFR for old-object samples and new chunks (both touch the recording, both may wait). All are
 * daemon threads, the two workers have bounded queues that drop (and count) rather than block, and
 * nothing here takes a lock the host's threads take.
 */
public final class Watch implements AutoCloseable {

    /** The snapshot's size bound, besides its age. */
    static final long SNAPSHOT_MAX_BYTES = 64L << 20;
    /** Periodic configuration events (CPU count, JVM, GC): a stream sees no chunk-start events. */
    static final Duration CONFIG_PERIOD = Duration.ofSeconds(30);
    /** A heap trend this likely to be real asks JFR for its leak candidates, ahead of the heap rule firing. */
    static final double HEAP_TREND_PVALUE = 0.05;
    /** At most one such request per this many windows: each one dumps the recording to a throwaway file. */
    static final int OLD_OBJECT_REQUEST_EVERY = 3;
    /** Thread starts after which the chunk is rotated, so that the JDK's parser drops their threads. */
    static final long ROTATE_CHUNK_EVERY_THREADS = 10_000;
    /** Findings remembered for {@link #findings()}; the oldest cleared ones go first. */
    private static final int FINDINGS_KEPT = 1_000;

    private final WatchOptions options;
    private final JfrStream stream;
    private final Failures failures = new Failures();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder windows = new LongAdder();
    private final LiveEngine engine;
    private final ThreadwatchMetrics metrics;
    private final BoundedWorker output;
    private final BoundedWorker evidenceWorker;
    private final Optional<JsonLinesSink> jsonLines;
    private final Optional<EvidenceWriter> evidence;
    private final Optional<PrometheusEndpoint> prometheus;
    /** Latest state of each finding, by id; written by the output worker only. */
    private final Map<String, LiveLine.FindingLine> findings = new LinkedHashMap<>();
    private volatile List<LiveLine.FindingLine> findingsView = List.of();
    private final AtomicBoolean closed = new AtomicBoolean();
    private long lastOldObjectRequest = -OLD_OBJECT_REQUEST_EVERY;
    private long threadStartsAtRotation;

    /**
     * Opens the outputs and registers the engine on {@code stream}, which it then owns. The
     * Prometheus endpoint opens first, so that a port already taken leaves nothing on disk; if any
     * later step fails, everything opened so far (the stream included) is closed, newest first.
     */
    private Watch(WatchOptions options, JfrStream stream, MBeanServerConnection mbeans) throws IOException {
        this.options = options;
        this.stream = stream;
        this.metrics = new ThreadwatchMetrics(options.topSites(), this::counters);
        Opened opened = new Opened();
        opened.add(stream);
        try {
            this.output = opened.add(new BoundedWorker("output", 64, failures, dropped));
            this.evidenceWorker = opened.add(new BoundedWorker("evidence", 4, failures, dropped));
            this.prometheus = options.prometheus().isEmpty() ? Optional.empty()
                    : Optional.of(opened.add(new PrometheusEndpoint(options.prometheus().get(), metrics)));
            this.jsonLines = options.jsonLines().isEmpty() ? Optional.empty()
                    : Optional.of(opened.add(JsonLinesSink.open(options.jsonLines().get(),
                            options.evidenceMaxBytes() / 4)));
            if (options.evidence().isPresent()) {
                // Created now, so that an output directory that cannot be made is refused at start,
                // as a JSON Lines file that cannot be opened is, not at the first finding.
                Files.createDirectories(options.evidence().get());
            }
            this.evidence = options.evidence().map(directory -> new EvidenceWriter(directory,
                    options.evidenceMaxBytes(), stream, new ThreadDumps(mbeans, stream.local()), failures));
            Instant origin = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            EngineSettings settings = new EngineSettings(origin, options.window(), options.stuckThreshold(),
                    options.leakSpanWindows(), options.catalog(), options.rules(), false);
            this.engine = new LiveEngine(settings, this::windowClosed, Clock.systemUTC(), failures);
            engine.attach(stream);
        } catch (IOException | RuntimeException | Error e) {
            opened.closeAll(e);
            if (e instanceof Error error) {
                throw error;
            }
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** Starts the stream of a watch just built; closes the watch if it cannot. */
    private static Watch started(Watch watch) throws IOException {
        try {
            watch.stream.start();
            return watch;
        } catch (RuntimeException e) {
            watch.close();
            throw new IOException(e.getMessage(), e);
        } catch (Error e) {
            watch.close();
            throw e;
        }
    }

    /** Starts watching this JVM. */
    static Watch local(WatchOptions options, MBeanServerConnection platform) throws IOException {
        JfrStream stream = JfrStream.local(settings(options), options.snapshotAge(), SNAPSHOT_MAX_BYTES);
        return started(new Watch(options, stream, platform));
    }

    /** Starts watching another JVM over a JMX connection to it. */
    static Watch remote(WatchOptions options, MBeanServerConnection connection) throws IOException {
        JfrStream stream = JfrStream.remote(connection, settings(options), options.snapshotAge(), SNAPSHOT_MAX_BYTES);
        return started(new Watch(options, stream, connection));
    }

    private static List<JfrEventSettings> settings(WatchOptions options) {
        return JfrSettings.live(options.threadDumpPeriod(), CONFIG_PERIOD, options.blockingThreshold());
    }

    /** The SLIs as Micrometer meters; bind them to the application's registry. */
    public ThreadwatchMetrics metrics() {
        return metrics;
    }

    /** What the watch did so far. */
    public LiveLine.RecorderCounters counters() {
        return new LiveLine.RecorderCounters(engine.events(), windows.sum(), dropped.sum(), failures.total());
    }

    /** The options it runs with. */
    public WatchOptions options() {
        return options;
    }

    /** The latest state (fired or cleared) of every finding so far, in the order they first fired. */
    public List<LiveLine.FindingLine> findings() {
        return findingsView;
    }

    /**
     * Waits until JFR is recording and the stream has delivered its first flush: from then on,
     * whatever the application does is seen. JFR's start-up took 5 to 15 s on a busy 2-core
     * machine; a short-lived program (a batch job, a test run) should wait for it.
     *
     * @return false if {@code timeout} passed first
     */
    public boolean awaitStreaming(Duration timeout) throws InterruptedException {
        return engine.awaitStreaming(timeout);
    }

    /** The port of the Prometheus endpoint, if it serves one. */
    public Optional<Integer> prometheusPort() {
        return prometheus.map(PrometheusEndpoint::port);
    }

    /** Whether {@link #close()} was called. */
    public boolean closed() {
        return closed.get();
    }

    /** On the stream's thread: hand the window to the workers and return at once. */
    private void windowClosed(ClosedWindow window) {
        windows.increment();
        LiveLine.RecorderCounters counters = counters();
        output.offer(() -> publish(window, counters));
        if (heapTrending(window) && windows.sum() - lastOldObjectRequest >= OLD_OBJECT_REQUEST_EVERY) {
            lastOldObjectRequest = windows.sum();
            evidenceWorker.offer(() -> {
                try {
                    stream.emitOldObjectSamples();
                } catch (IOException e) {
                    failures.record("old-object samples", e);
                }
            });
        }
        if (engine.threadStarts() - threadStartsAtRotation >= ROTATE_CHUNK_EVERY_THREADS) {
            threadStartsAtRotation = engine.threadStarts();
            evidenceWorker.offer(stream::rotateChunk);
        }
        if (evidence.isPresent()) {
            for (ClosedWindow.FindingChange change : window.changes()) {
                if (change.state() == ClosedWindow.FindingChange.State.FIRED) {
                    evidenceWorker.offer(() -> evidence.get().capture(Rendering.finding(change.finding()), window.end()));
                }
            }
        }
    }

    /**
     * Whether the heap after GC is rising with some significance. The allocation sites of the
     * objects that stay alive come from {@code jdk.OldObjectSample}, which JFR emits only on a dump:
     * asking for them now lets the heap-growth finding name its site when it fires windows later.
     */
    private static boolean heapTrending(ClosedWindow window) {
        double slope = 0;
        double pValue = 1;
        for (SliSample point : window.slis()) {
            if (point.name().equals(Sli.HEAP_AFTER_GC_SLOPE.id())) {
                slope = point.value();
            } else if (point.name().equals(Sli.HEAP_AFTER_GC_PVALUE.id())) {
                pValue = point.value();
            }
        }
        return slope > 0 && pValue < HEAP_TREND_PVALUE;
    }

    /** On the output worker. */
    private void publish(ClosedWindow window, LiveLine.RecorderCounters counters) {
        String end = Values.instant(window.end());
        List<SliPoint> slis = Rendering.slis(window.slis());
        List<LiveLine.FindingLine> changed = new ArrayList<>(window.changes().size());
        for (ClosedWindow.FindingChange change : window.changes()) {
            LiveLine.FindingLine line = LiveLine.FindingLine.of(change.state().id(), end,
                    Rendering.finding(change.finding()));
            changed.add(line);
            findings.remove(line.finding().id());
            findings.put(line.finding().id(), line);
        }
        if (findings.size() > FINDINGS_KEPT) {
            findings.values().removeIf(line -> line.state().equals("cleared") && findings.size() > FINDINGS_KEPT);
        }
        findingsView = List.copyOf(findings.values());
        failures.guard("metrics", () -> metrics.update(slis, active()));
        jsonLines.ifPresent(sink -> {
            try {
                sink.write(LiveLine.WindowLine.of(Values.instant(window.start()), end, slis, counters));
                for (LiveLine.FindingLine line : changed) {
                    sink.write(line);
                }
            } catch (IOException e) {
                failures.record("jsonl", e);
            }
        });
    }

    private Map<Tags, Integer> active() {
        Map<Tags, Integer> active = new HashMap<>();
        for (LiveLine.FindingLine line : findings.values()) {
            if (line.state().equals("fired")) {
                Finding finding = line.finding();
                active.merge(Tags.of("rule", finding.rule(), "kind", finding.kind(), "severity", finding.severity()),
                        1, Integer::sum);
            }
        }
        return active;
    }

    /**
     * Stops the stream (delivering what it holds on JDK 20+), lets the workers finish what is
     * queued, and closes the outputs. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        failures.guard("stop", stream::close);
        output.stop(5_000);
        evidenceWorker.stop(10_000);
        jsonLines.ifPresent(sink -> failures.guard("stop", () -> {
            try {
                sink.close();
            } catch (IOException e) {
                failures.record("jsonl", e);
            }
        }));
        prometheus.ifPresent(endpoint -> failures.guard("stop", endpoint::close));
        Threadwatch.stopped(this);
    }
}
