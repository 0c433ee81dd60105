package io.threadwatch.analyzer.serve.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.threadwatch.analyzer.serve.fleet.FindingFilter;
import io.threadwatch.analyzer.serve.fleet.FleetView;
import io.threadwatch.analyzer.serve.store.DataDir;
import io.threadwatch.analyzer.serve.store.FindingRow;
import io.threadwatch.analyzer.serve.store.RecordingRow;
import io.threadwatch.analyzer.serve.store.RecordingStore;
import io.threadwatch.analyzer.serve.store.Sidecar;
import io.threadwatch.analyzer.serve.store.State;
import io.threadwatch.analyzer.serve.work.AnalysisQueue;
import io.threadwatch.rules.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Semaphore;

/**
 * The HTTP API of {@code threadwatch serve} (the README lists each route with a curl example). Every
 * refusal is a JSON body with a clear message; uploads, deletes and re-analyses need the bearer token
 * when one is set.
 */
public final class ServeApi {

    /** Seconds a client should wait before retrying a full queue or too many uploads. */
    static final int QUEUE_RETRY_SECONDS = 30;
    static final int UPLOAD_RETRY_SECONDS = 2;

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final int LIST_LIMIT = 1000;

    private final RecordingStore store;
    private final FleetView fleet;
    private final AnalysisQueue queue;
    private final DataDir dataDir;
    private final UploadReceiver receiver;
    private final Optional<byte[]> token;
    private final Semaphore uploads;
    private final Clock clock;
    private final PrintWriter log;
    private final Pages pages;

    /**
     * @param token             the bearer token for uploads, deletes and re-analyses, or empty for none
     * @param concurrentUploads uploads received at once before more get {@code 429}
     */
    public ServeApi(RecordingStore store, FleetView fleet, AnalysisQueue queue, DataDir dataDir, long maxUploadBytes,
                    Optional<String> token, int concurrentUploads, Clock clock, PrintWriter log) {
        this.store = store;
        this.fleet = fleet;
        this.queue = queue;
        this.dataDir = dataDir;
        this.receiver = new UploadReceiver(dataDir, maxUploadBytes);
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.uploads = new Semaphore(concurrentUploads);
        this.clock = clock;
        this.log = log;
        this.pages = new Pages(store, dataDir);
    }

    /** Adds the routes, error handlers and multipart settings to a Javalin configuration. */
    public void configure(JavalinConfig config, long maxUploadBytes) {
        config.startup.showJavalinBanner = false;
        config.jetty.multipartConfig.cacheDirectory(dataDir.tmp().toString());
        config.jetty.multipartConfig.maxFileSize(maxUploadBytes, io.javalin.config.SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(maxUploadBytes + 1_000_000, io.javalin.config.SizeUnit.BYTES);
        // Parts over 64 KiB go to the cache directory, never whole into memory.
        config.jetty.multipartConfig.maxInMemoryFileSize(64, io.javalin.config.SizeUnit.KB);
        config.routes.get("/", pages::upload);
        config.routes.get("/fleet", pages::fleet);
        config.routes.get("/static/{file}", pages::asset);
        config.routes.get("/recordings/{id}", ctx -> pages.report(ctx, recording(ctx)));
        config.routes.post("/api/recordings", this::upload);
        config.routes.get("/api/recordings", ctx -> json(ctx, 200, Map.of("recordings",
                store.latest(LIST_LIMIT).stream().map(r -> Views.recording(r, queue.progress(r.id()))).toList())));
        config.routes.get("/api/recordings/{id}", ctx -> {
            RecordingRow row = recording(ctx);
            json(ctx, 200, Views.recording(row, queue.progress(row.id())));
        });
        config.routes.get("/api/recordings/{id}/report", this::report);
        config.routes.delete("/api/recordings/{id}", this::delete);
        config.routes.post("/api/recordings/{id}/reanalyze", this::reanalyze);
        config.routes.post("/api/reanalyze", this::reanalyzeAll);
        config.routes.get("/api/findings", this::findings);
        config.routes.get("/api/fleet", ctx -> json(ctx, 200, fleetJson()));
        config.routes.get("/api/export.jsonl", this::export);
        config.routes.exception(ApiError.class, (e, ctx) -> {
            e.retryAfterSeconds().ifPresent(s -> ctx.header("Retry-After", Integer.toString(s)));
            if (!RefusedBody.drain(ctx.req())) {
                // The rest of the body stays unread and the server drops the connection: tell the
                // client not to send its next request on it.
                ctx.header("Connection", "close");
            }
            json(ctx, e.status(), Views.error(e.status(), e.getMessage()));
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.println("threadwatch serve: " + ctx.method() + " " + ctx.path() + " failed: " + e);
            log.flush();
            json(ctx, 500, Views.error(500, "internal error in Threadwatch: " + e.getMessage()));
        });
        config.routes.error(404, "*", ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().equals("Not Found")) {
                json(ctx, 404, Views.error(404, "no such page or API: " + ctx.method() + " " + ctx.path()));
            }
        });
    }

    private void upload(Context ctx) throws IOException, SQLException {
        authorize(ctx);
        // The upload slot first, then the place in the queue: a client told 429 holds neither.
        if (!uploads.tryAcquire()) {
            throw new ApiError(429, "too many uploads at once; retry later", OptionalInt.of(UPLOAD_RETRY_SECONDS));
        }
        try {
            if (!queue.tryReserve()) {
                throw new ApiError(503, "the analysis queue is full (" + queue.waiting() + " waiting); retry later",
                        OptionalInt.of(QUEUE_RETRY_SECONDS));
            }
            boolean queued = false;
            try {
                String id = RecordingStore.newId();
                UploadReceiver.Received received = receiver.receive(ctx, id);
                // The file, then its sidecar, each synced to disk with its directory: from here on the
                // upload survives any crash, whatever the database keeps of the row (rebuilt on start).
                dataDir.moveIntoPlaceDurably(received.file(), dataDir.upload(id, received.compressed()));
                Sidecar sidecar = new Sidecar(id, received.fileName(), received.compressed(), received.bytes(),
                        clock.instant(), received.labels());
                dataDir.writeSidecar(sidecar);
                RecordingRow row = sidecar.queuedRow();
                store.insert(row);
                queue.enqueueReserved(id);
                queued = true;
                ctx.header("Location", "/api/recordings/" + id);
                json(ctx, 202, Views.recording(row, Optional.empty()));
            } finally {
                if (!queued) {
                    queue.cancel();
                }
            }
        } finally {
            uploads.release();
        }
    }

    private void report(Context ctx) throws IOException, SQLException {
        RecordingRow row = recording(ctx);
        Path report = dataDir.report(row.id());
        if (row.state() != State.DONE || !Files.isRegularFile(report)) {
            throw new ApiError(409, "no report for recording " + row.id() + " yet: it is " + row.state().id()
                    + row.message().map(m -> " (" + m + ")").orElse(""));
        }
        ctx.contentType("application/json");
        ctx.result(Files.newInputStream(report));
    }

    private void delete(Context ctx) throws SQLException {
        authorize(ctx);
        RecordingRow row = recording(ctx);
        // Files first, the sidecar first of them: a crash in between leaves a row without a sidecar,
        // which the next start finishes deleting.
        dataDir.delete(row.id());
        store.delete(row.id());
        ctx.status(204);
    }

    private void reanalyze(Context ctx) throws SQLException {
        authorize(ctx);
        RecordingRow row = recording(ctx);
        if (row.state() == State.QUEUED || row.state() == State.ANALYZING) {
            throw new ApiError(409, "recording " + row.id() + " is already " + row.state().id());
        }
        store.requeue(row.id());
        queue.enqueue(row.id());
        ctx.header("Location", "/api/recordings/" + row.id());
        json(ctx, 202, Views.recording(store.find(row.id()).orElseThrow(), Optional.empty()));
    }

    private void reanalyzeAll(Context ctx) throws SQLException {
        authorize(ctx);
        Optional<String[]> label = label(ctx);
        List<RecordingRow> rows = label.isPresent() ? store.withLabel(label.get()[0], label.get()[1]) : store.all();
        int queued = 0;
        for (RecordingRow row : rows) {
            if ((row.state() == State.DONE || row.state() == State.FAILED) && store.requeue(row.id())) {
                queue.enqueue(row.id());
                queued++;
            }
        }
        json(ctx, 202, Map.of("queued", queued));
    }

    private void findings(Context ctx) throws SQLException {
        Optional<String[]> label = label(ctx);
        FindingFilter filter = new FindingFilter(time(ctx, "from"), time(ctx, "to"), label.map(l -> l[0]),
                label.map(l -> l[1]), Optional.ofNullable(ctx.queryParam("kind")), severity(ctx),
                Optional.ofNullable(ctx.queryParam("fingerprint")), LIST_LIMIT);
        Map<String, Map<String, String>> labels = new HashMap<>();
        List<Object> findings = new java.util.ArrayList<>();
        for (FindingRow row : fleet.findings(filter)) {
            Map<String, String> recordingLabels = labels.get(row.recordingId());
            if (recordingLabels == null) {
                recordingLabels = store.find(row.recordingId()).map(r -> (Map<String, String>) r.labels()).orElse(Map.of());
                labels.put(row.recordingId(), recordingLabels);
            }
            findings.add(Views.finding(row, recordingLabels));
        }
        json(ctx, 200, Map.of("findings", findings));
    }

    private Map<String, Object> fleetJson() throws SQLException {
        List<FleetView.Group> groups = fleet.groups();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("analyzed", groups.isEmpty() ? store.all().stream().filter(r -> r.state() == State.DONE).count()
                : groups.get(0).analyzed());
        json.put("groups", groups.stream().map(Views::group).toList());
        json.put("labels", fleet.labels().stream().map(Views::label).toList());
        return json;
    }

    /** Every finding and SLI of every report, one JSON object per line, with its recording id and labels. */
    private void export(Context ctx) throws IOException, SQLException {
        ctx.contentType("application/x-ndjson");
        OutputStream out = ctx.outputStream();
        for (RecordingRow row : store.all()) {
            Path report = dataDir.report(row.id());
            if (row.state() != State.DONE || !Files.isRegularFile(report)) {
                continue;
            }
            JsonNode root = JSON.readTree(report.toFile());
            for (String type : List.of("finding", "sli")) {
                for (JsonNode item : root.path(type.equals("finding") ? "findings" : "slis")) {
                    try (JsonGenerator line = JSON.getFactory().createGenerator(out)
                            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                        line.writeStartObject();
                        line.writeStringField("type", type);
                        line.writeStringField("recording", row.id());
                        line.writeObjectField("labels", row.labels());
                        line.writeObjectField(type, item);
                        line.writeEndObject();
                    }
                    out.write('\n');
                }
            }
        }
    }

    private RecordingRow recording(Context ctx) throws SQLException {
        String id = ctx.pathParam("id");
        Optional<RecordingRow> row = DataDir.isId(id) ? store.find(id) : Optional.empty();
        return row.orElseThrow(() -> new ApiError(404, "no recording '" + UploadReceiver.displayName(id) + "'"));
    }

    private void authorize(Context ctx) {
        if (token.isEmpty()) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiError(401, "this service needs a bearer token: send 'Authorization: Bearer TOKEN'");
        }
        byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token.get())) {
            throw new ApiError(403, "wrong bearer token");
        }
    }

    private static Optional<String[]> label(Context ctx) {
        String label = ctx.queryParam("label");
        if (label == null) {
            return Optional.empty();
        }
        int colon = label.indexOf(':');
        if (colon <= 0 || colon == label.length() - 1) {
            throw new ApiError(400, "label must be NAME:VALUE, e.g. label=device:edge-17, not '" + label + "'");
        }
        return Optional.of(new String[] {label.substring(0, colon), label.substring(colon + 1)});
    }

    private static Optional<Instant> time(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new ApiError(400, name + " must be an ISO-8601 instant such as 2026-12-05T10:00:00Z, not '" + value + "'");
        }
    }

    private static Optional<Severity> severity(Context ctx) {
        String value = ctx.queryParam("severity");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Severity.fromId(value));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
    }

    static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
