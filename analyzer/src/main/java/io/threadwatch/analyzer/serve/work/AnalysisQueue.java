package io.threadwatch.analyzer.serve.work;

import io.threadwatch.analyzer.AnalysisProgress;
import io.threadwatch.analyzer.serve.ServeLimits;
import io.threadwatch.analyzer.serve.store.DataDir;
import io.threadwatch.analyzer.serve.store.RecordingRow;
import io.threadwatch.analyzer.serve.store.RecordingStore;
import io.threadwatch.analyzer.serve.store.State;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded worker pool: at most {@code analysesInFlight} analyses at once, each in its own JVM,
 * and at most {@code queueLength} uploads waiting or being received (the service answers {@code 503}
 * beyond). The
 * state of each recording is in the database, so work queued when the service died is queued
 * again on start ({@link #recover()}).
 */
public final class AnalysisQueue implements AutoCloseable {

    private final RecordingStore store;
    private final DataDir dataDir;
    private final ChildAnalysis child;
    private final ServeLimits limits;
    private final Clock clock;
    private final PrintWriter log;
    private final ExecutorService workers;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Map<String, AnalysisProgress> progress = new ConcurrentHashMap<>();

    public AnalysisQueue(RecordingStore store, DataDir dataDir, ChildAnalysis child, ServeLimits limits, Clock clock,
                         PrintWriter log) {
        this.store = store;
        this.dataDir = dataDir;
        this.child = child;
        this.limits = limits;
        this.clock = clock;
        this.log = log;
        AtomicInteger threads = new AtomicInteger();
        // The admission count (waiting) bounds the queue; the executor's own queue only holds what was admitted.
        this.workers = new ThreadPoolExecutor(limits.analysesInFlight(), limits.analysesInFlight(), 0,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "threadwatch-serve-analysis-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Reserves a place in the queue for an upload about to be received: false when
     * {@code queueLength} recordings already wait or are being received. A reservation ends with
     * {@link #enqueueReserved(String)} or {@link #cancel()}.
     */
    public boolean tryReserve() {
        while (true) {
            int now = waiting.get();
            if (now >= limits.queueLength()) {
                return false;
            }
            if (waiting.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives back a reservation whose upload was refused or cut off. */
    public void cancel() {
        waiting.decrementAndGet();
    }

    /** How many recordings wait for a worker (or are being received into a reserved place). */
    public int waiting() {
        return waiting.get();
    }

    /** Queues a stored recording into the place {@link #tryReserve()} reserved for it. */
    public void enqueueReserved(String id) {
        workers.execute(() -> {
            waiting.decrementAndGet();
            analyze(id);
        });
    }

    /** Queues a stored recording, whatever the queue's length (recovery and re-analysis). */
    public void enqueue(String id) {
        waiting.incrementAndGet();
        enqueueReserved(id);
    }

    /** Queues again what was queued or being analyzed when the service stopped; returns how many. */
    public int recover() throws SQLException {
        int count = 0;
        for (RecordingRow row : store.unfinished()) {
            store.setState(row.id(), State.QUEUED, Optional.empty());
            enqueue(row.id());
            count++;
        }
        return count;
    }

    /** How far the analysis of a recording has read, while it runs. */
    public Optional<AnalysisProgress> progress(String id) {
        return Optional.ofNullable(progress.get(id));
    }

    private void analyze(String id) {
        Path report = dataDir.tmpFile(id, "json");
        try {
            Optional<RecordingRow> row = store.find(id);
            if (row.isEmpty() || row.get().state() != State.QUEUED) {
                return;
            }
            Path upload = dataDir.upload(id, row.get().compressed());
            if (!Files.isRegularFile(upload) || !store.setState(id, State.ANALYZING, Optional.empty())) {
                return;
            }
            progress.put(id, new AnalysisProgress(0, row.get().bytes(), 0, 0));
            ChildAnalysis.Outcome outcome = child.run(upload, row.get().fileName(), report, p -> progress.put(id, p));
            if (outcome.refusal().isPresent()) {
                store.setState(id, State.FAILED, outcome.refusal());
                return;
            }
            ReportIngest.Ingested ingested = ReportIngest.read(id, report, clock.instant());
            DataDir.moveIntoPlace(report, dataDir.report(id));
            if (!store.done(id, ingested.verdict(), ingested.findings())) {
                // Deleted while it was analyzed.
                dataDir.delete(id);
            }
        } catch (InterruptedException e) {
            // Closing: the recording stays queued in the database and is analyzed after the restart.
            Thread.currentThread().interrupt();
        } catch (IOException | SQLException | RuntimeException e) {
            log.println("threadwatch serve: analysis of " + id + " failed: " + e);
            log.flush();
            try {
                store.setState(id, State.FAILED, Optional.of("internal error in Threadwatch: " + e.getMessage()));
            } catch (SQLException again) {
                log.println("threadwatch serve: cannot record the failure of " + id + ": " + again);
            }
        } finally {
            progress.remove(id);
            try {
                Files.deleteIfExists(report);
            } catch (IOException e) {
                log.println("threadwatch serve: cannot delete " + report + ": " + e);
            }
        }
    }

    /** Stops the workers; running analyses are killed and stay queued for the next start. */
    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
