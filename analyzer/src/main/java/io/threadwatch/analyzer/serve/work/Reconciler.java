package io.threadwatch.analyzer.serve.work;

import io.threadwatch.analyzer.serve.store.DataDir;
import io.threadwatch.analyzer.serve.store.RecordingRow;
import io.threadwatch.analyzer.serve.store.RecordingStore;
import io.threadwatch.analyzer.serve.store.Sidecar;
import io.threadwatch.analyzer.serve.store.State;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Brings the database in line with the data directory on start, before anything is queued. The
 * sidecars are the record of what was accepted (see {@link Sidecar}); the database may have lost the
 * last commits before a crash, and may hold rows from before sidecars existed.
 * <ul>
 *   <li>a sidecar without a row: the row is rebuilt (labels and all); a valid report already on disk is
 *       read back, otherwise the recording is queued for analysis;</li>
 *   <li>an upload with neither sidecar nor row: an upload cut short by the crash before it was
 *       answered, deleted;</li>
 *   <li>a row without a sidecar: with its upload, it gets its sidecar written; without, it is the
 *       remains of a delete (which removes the sidecar first), and the delete is finished;</li>
 *   <li>a report with neither row nor sidecar is deleted.</li>
 * </ul>
 * It assumes that no other instance writes to the same data directory while it runs (as the start
 * already does when it empties {@code tmp/}).
 */
public final class Reconciler {

    /**
     * What the reconciliation did, by count.
     *
     * @param rebuilt        rows rebuilt from sidecars
     * @param reportsReused  of those, how many got their verdict from a report already on disk
     * @param sidecarsWritten sidecars written for rows that had none
     * @param deleted        recordings or files deleted: half-written uploads, finished deletes, orphan reports
     */
    public record Result(int rebuilt, int reportsReused, int sidecarsWritten, int deleted) {
    }

    private final RecordingStore store;
    private final DataDir dataDir;
    private final Clock clock;
    private final PrintWriter log;

    public Reconciler(RecordingStore store, DataDir dataDir, Clock clock, PrintWriter log) {
        this.store = store;
        this.dataDir = dataDir;
        this.clock = clock;
        this.log = log;
    }

    /** Reconciles; recordings it rebuilds without a report are left {@code queued} for {@link AnalysisQueue#recover()}. */
    public Result reconcile() throws IOException, SQLException {
        DataDir.Contents files = dataDir.contents();
        Map<String, RecordingRow> rows = new HashMap<>();
        for (RecordingRow row : store.all()) {
            rows.put(row.id(), row);
        }
        int rebuilt = 0;
        int reused = 0;
        int written = 0;
        int deleted = 0;
        for (String id : files.sidecars()) {
            if (rows.containsKey(id)) {
                continue;
            }
            Optional<Sidecar> sidecar = read(id);
            if (sidecar.isEmpty()) {
                continue;
            }
            if (!files.uploads().containsKey(id)) {
                // Cannot happen in the order uploads are written (file, then sidecar); a lost file is not
                // something to rebuild a row for.
                say("sidecar of " + id + " has no upload file; deleted");
                dataDir.delete(id);
                deleted++;
                continue;
            }
            RecordingRow row = sidecar.get().queuedRow();
            store.insert(row);
            rows.put(id, row);
            rebuilt++;
            if (reuseReport(id, files.reports().get(id))) {
                reused++;
            }
            say("rebuilt the lost database row of " + id + " ('" + row.fileName() + "', labels " + row.labels()
                    + ") from its sidecar");
        }
        for (Map.Entry<String, Path> upload : files.uploads().entrySet()) {
            String id = upload.getKey();
            if (!files.sidecars().contains(id) && !rows.containsKey(id)) {
                say("deleted " + upload.getValue().getFileName() + ": an upload cut short before it was accepted "
                        + "(no sidecar, no row)");
                Files.deleteIfExists(upload.getValue());
                deleted++;
            }
        }
        for (RecordingRow row : rows.values()) {
            if (files.sidecars().contains(row.id())) {
                continue;
            }
            if (files.uploads().containsKey(row.id())) {
                dataDir.writeSidecar(Sidecar.of(row));
                written++;
            } else {
                say("finished deleting " + row.id() + " (its sidecar and upload were already gone)");
                dataDir.delete(row.id());
                store.delete(row.id());
                deleted++;
            }
        }
        for (Map.Entry<String, Path> report : files.reports().entrySet()) {
            if (!rows.containsKey(report.getKey()) && !files.sidecars().contains(report.getKey())) {
                Files.deleteIfExists(report.getValue());
                deleted++;
            }
        }
        return new Result(rebuilt, reused, written, deleted);
    }

    /** Reads a report a lost row left behind into the rebuilt row; false (and the report deleted) when it is not valid. */
    private boolean reuseReport(String id, Path report) throws IOException, SQLException {
        if (report == null) {
            return false;
        }
        try {
            ReportIngest.Ingested ingested = ReportIngest.read(id, report, clock.instant());
            return store.done(id, ingested.verdict(), ingested.findings());
        } catch (IOException | RuntimeException e) {
            say("report of " + id + " is not valid (" + e.getMessage() + "); analyzing again");
            Files.deleteIfExists(report);
            return false;
        }
    }

    private Optional<Sidecar> read(String id) {
        try {
            return Optional.of(dataDir.readSidecar(id));
        } catch (IOException e) {
            // Left in place with its upload for a person to look at: deleting what may be an accepted upload
            // is worse than a file the service does not show.
            say("cannot read the sidecar of " + id + " (" + e.getMessage() + "); left it and its upload alone");
            return Optional.empty();
        }
    }

    private void say(String message) {
        log.println("threadwatch serve: " + message);
        log.flush();
    }
}
