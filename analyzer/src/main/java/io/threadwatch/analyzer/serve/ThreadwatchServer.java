package io.threadwatch.analyzer.serve;

import io.javalin.Javalin;
import io.threadwatch.analyzer.serve.fleet.FleetView;
import io.threadwatch.analyzer.serve.http.ServeApi;
import io.threadwatch.analyzer.serve.store.DataDir;
import io.threadwatch.analyzer.serve.store.Database;
import io.threadwatch.analyzer.serve.store.RecordingRow;
import io.threadwatch.analyzer.serve.store.RecordingStore;
import io.threadwatch.analyzer.serve.work.AnalysisQueue;
import io.threadwatch.analyzer.serve.work.ChildAnalysis;
import io.threadwatch.analyzer.serve.work.WorkerClassArchive;
import io.threadwatch.analyzer.serve.work.Reconciler;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code threadwatch serve}: uploads in, reports and the fleet view out.
 *
 * <pre>{@code
 * try (ThreadwatchServer server = ThreadwatchServer.start(settings, log)) {
 *     System.out.println("http://127.0.0.1:" + server.port() + "/");
 *     server.awaitStop();
 * }
 * }</pre>
 */
public final class ThreadwatchServer implements AutoCloseable {

    private final ServeSettings settings;
    private final DataDir dataDir;
    private final Database database;
    private final RecordingStore store;
    private final AnalysisQueue queue;
    private final Javalin app;
    private final ScheduledExecutorService retention;
    private final PrintWriter log;

    private ThreadwatchServer(ServeSettings settings, DataDir dataDir, Database database, AnalysisQueue queue,
                              Javalin app, ScheduledExecutorService retention, PrintWriter log) {
        this.settings = settings;
        this.dataDir = dataDir;
        this.database = database;
        this.store = new RecordingStore(database);
        this.queue = queue;
        this.app = app;
        this.retention = retention;
        this.log = log;
    }

    /**
     * Opens the data directory and database, reconciles them (rows lost in a crash are rebuilt from
     * the uploads' sidecars, see {@link Reconciler}), queues again what a crash left unfinished, and
     * starts listening.
     *
     * @throws IOException  when the data directory cannot be used
     * @throws SQLException when the database cannot be opened or migrated
     */
    public static ThreadwatchServer start(ServeSettings settings, PrintWriter log) throws IOException, SQLException {
        DataDir dataDir = DataDir.open(settings.dataDir());
        ServeSettings.Jdbc jdbc = settings.database()
                .orElse(new ServeSettings.Jdbc(Database.embeddedUrl(dataDir), "sa", ""));
        Database database = Database.open(jdbc.url(), jdbc.user(), jdbc.password());
        RecordingStore store = new RecordingStore(database);
        Reconciler.Result reconciled = new Reconciler(store, dataDir, settings.clock(), log).reconcile();
        ServeLimits limits = settings.limits();
        String classPath = System.getProperty("java.class.path");
        ChildAnalysis workers = new ChildAnalysis(limits, settings.analysisArgs(), classPath,
                WorkerClassArchive.in(dataDir, classPath));
        AnalysisQueue queue = new AnalysisQueue(store, dataDir, workers, limits, settings.clock(), log);
        int recovered = queue.recover();
        ServeApi api = new ServeApi(store, new FleetView(database, store), queue, dataDir, limits.maxUploadBytes(),
                settings.token(), limits.concurrentUploads(), settings.clock(), log);
        Javalin app = Javalin.create(config -> api.configure(config, limits.maxUploadBytes()));
        app.start(settings.bind(), settings.port());
        ScheduledExecutorService retention = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "threadwatch-serve-retention");
            t.setDaemon(true);
            return t;
        });
        ThreadwatchServer server = new ThreadwatchServer(settings, dataDir, database, queue, app, retention, log);
        if (limits.retentionDays() > 0) {
            retention.scheduleWithFixedDelay(server::retainQuietly, 0, 1, TimeUnit.HOURS);
        }
        log.println("threadwatch serve: listening on http://" + settings.bind() + ":" + app.port() + "/ with data in "
                + dataDir.root() + " (" + recovered + " analyses queued again, " + reconciled.rebuilt()
                + " lost rows rebuilt from sidecars, " + reconciled.sidecarsWritten() + " sidecars written, "
                + reconciled.deleted() + " half-written or half-deleted recordings cleaned up)");
        log.flush();
        return server;
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** How many uploads wait for analysis or are being received (the queue's length). */
    public int waiting() {
        return queue.waiting();
    }

    /**
     * Deletes recordings uploaded more than the retention's days ago, with their files.
     *
     * @return how many were deleted
     */
    public int retain() throws SQLException {
        int days = settings.limits().retentionDays();
        if (days == 0) {
            return 0;
        }
        Instant cutoff = settings.clock().instant().minus(Duration.ofDays(days));
        int deleted = 0;
        for (RecordingRow row : store.uploadedBefore(cutoff)) {
            // As a DELETE does: the sidecar first, then the files, then the row.
            dataDir.delete(row.id());
            if (store.delete(row.id())) {
                deleted++;
            }
        }
        return deleted;
    }

    private void retainQuietly() {
        try {
            int deleted = retain();
            if (deleted > 0) {
                log.println("threadwatch serve: retention deleted " + deleted + " recordings older than "
                        + settings.limits().retentionDays() + " days");
                log.flush();
            }
        } catch (SQLException | RuntimeException e) {
            // Retried on the next hour; the log says why.
            log.println("threadwatch serve: retention failed: " + e);
            log.flush();
        }
    }

    /** Blocks until the JVM is asked to stop (the CLI's shutdown hook closes the server). */
    public void awaitStop() throws InterruptedException {
        Thread.currentThread().join();
    }

    /** Stops listening and analyzing; unfinished analyses stay queued for the next start. */
    @Override
    public void close() throws SQLException {
        retention.shutdownNow();
        app.stop();
        queue.close();
        database.close();
    }
}
