package io.threadwatch.analyzer.serve.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.report.ReportFormat;
import io.threadwatch.analyzer.serve.store.DataDir;
import io.threadwatch.analyzer.serve.store.RecordingRow;
import io.threadwatch.analyzer.serve.store.RecordingStore;
import io.threadwatch.analyzer.serve.store.State;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The pages people read: upload, fleet, and each recording's HTML report. */
final class Pages {

    private static final String RESOURCES = "/io/threadwatch/analyzer/serve/http/";
    private static final Map<String, String> ASSETS = Map.of("app.js", "text/javascript", "fleet.js", "text/javascript",
            "style.css", "text/css");
    // A newer report may carry fields this version does not know: the HTML shows what it knows.
    private static final ObjectMapper REPORTS = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final RecordingStore store;
    private final DataDir dataDir;

    Pages(RecordingStore store, DataDir dataDir) {
        this.store = store;
        this.dataDir = dataDir;
    }

    void upload(Context ctx) throws IOException {
        resource(ctx, "index.html", "text/html; charset=utf-8");
    }

    void fleet(Context ctx) throws IOException {
        resource(ctx, "fleet.html", "text/html; charset=utf-8");
    }

    void asset(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        String type = ASSETS.get(file);
        if (type == null) {
            throw new ApiError(404, "no such file: /static/" + UploadReceiver.displayName(file));
        }
        resource(ctx, file, type + "; charset=utf-8");
    }

    /** The recording's HTML report, or a page that waits for it (and says why there is none). */
    void report(Context ctx, RecordingRow row) throws IOException {
        Path file = dataDir.report(row.id());
        if (row.state() == State.DONE && Files.isRegularFile(file)) {
            Report report = REPORTS.readValue(file.toFile(), Report.class);
            StringWriter html = new StringWriter();
            ReportFormat.HTML.write(report, html);
            ctx.contentType("text/html; charset=utf-8").result(html.toString());
            return;
        }
        boolean waiting = row.state() == State.QUEUED || row.state() == State.ANALYZING;
        String body = "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(row.fileName())
                + " - Threadwatch</title>" + (waiting ? "<meta http-equiv=\"refresh\" content=\"2\">" : "")
                + "<link rel=\"stylesheet\" href=\"/static/style.css\"></head><body><h1>" + escape(row.fileName())
                + "</h1><p class=\"state\">" + escape(row.state().id())
                + row.message().map(m -> ": " + escape(m)).orElse("") + "</p>"
                + (waiting ? "<p>This page reloads until the report is ready.</p>" : "")
                + "<p><a href=\"/\">Upload</a> · <a href=\"/fleet\">Fleet</a></p></body></html>";
        ctx.status(waiting ? 202 : 200).contentType("text/html; charset=utf-8").result(body);
    }

    private static void resource(Context ctx, String name, String type) throws IOException {
        try (InputStream in = Pages.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            ctx.contentType(type).result(in.readAllBytes());
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
