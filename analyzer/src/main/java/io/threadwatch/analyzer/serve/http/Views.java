package io.threadwatch.analyzer.serve.http;

import io.threadwatch.analyzer.AnalysisProgress;
import io.threadwatch.analyzer.serve.fleet.FleetView;
import io.threadwatch.analyzer.serve.store.FindingRow;
import io.threadwatch.analyzer.serve.store.RecordingRow;
import io.threadwatch.analyzer.serve.store.State;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The API's JSON shapes, as ordered maps (times as ISO-8601 strings). */
final class Views {

    private Views() {
    }

    static Map<String, Object> links(String id) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("status", "/api/recordings/" + id);
        links.put("report", "/api/recordings/" + id + "/report");
        links.put("page", "/recordings/" + id);
        return links;
    }

    static Map<String, Object> recording(RecordingRow row, Optional<AnalysisProgress> progress) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", row.id());
        json.put("fileName", row.fileName());
        json.put("bytes", row.bytes());
        json.put("compressed", row.compressed());
        json.put("uploadedAt", row.uploadedAt().toString());
        json.put("labels", row.labels());
        json.put("state", row.state().id());
        row.message().ifPresent(m -> json.put("message", m));
        if (row.state() == State.ANALYZING || row.state() == State.QUEUED) {
            progress.ifPresent(p -> {
                Map<String, Object> read = new LinkedHashMap<>();
                read.put("bytesRead", p.bytesRead());
                read.put("bytesTotal", p.bytesTotal());
                read.put("chunksRead", p.chunksRead());
                read.put("chunksTotal", p.chunksTotal());
                read.put("fraction", p.fraction());
                json.put("progress", read);
            });
        }
        row.verdict().ifPresent(v -> {
            Map<String, Object> verdict = new LinkedHashMap<>();
            verdict.put("summary", FleetView.verdict(row));
            verdict.put("findings", v.findings());
            v.worst().ifPresent(w -> verdict.put("worst", Map.of("severity", w.severity(), "kind", w.kind(),
                    "site", w.site())));
            verdict.put("jvm", v.jvm());
            verdict.put("start", v.start().toString());
            verdict.put("end", v.end().toString());
            verdict.put("analyzedAt", v.analyzedAt().toString());
            json.put("verdict", verdict);
        });
        json.put("links", links(row.id()));
        return json;
    }

    static Map<String, Object> finding(FindingRow row, Map<String, String> labels) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("recording", row.recordingId());
        json.put("labels", labels);
        json.put("id", row.findingId());
        json.put("rule", row.rule());
        json.put("kind", row.kind());
        json.put("severity", row.severity());
        json.put("site", Map.of("frame", row.site(), "fingerprint", row.fingerprint()));
        json.put("first", row.first().toString());
        json.put("last", row.last().toString());
        json.put("message", row.message());
        json.put("links", links(row.recordingId()));
        return json;
    }

    static Map<String, Object> group(FleetView.Group group) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", group.kind());
        json.put("site", Map.of("frame", group.site(), "fingerprint", group.fingerprint()));
        json.put("worstSeverity", group.worstSeverity());
        json.put("recordings", group.recordings());
        json.put("analyzed", group.analyzed());
        json.put("labelValues", group.labelValues());
        json.put("firstSeen", group.firstSeen().toString());
        json.put("lastSeen", group.lastSeen().toString());
        json.put("summary", group.summary());
        json.put("findings", "/api/findings?fingerprint=" + group.fingerprint() + "&kind=" + group.kind());
        return json;
    }

    static Map<String, Object> label(FleetView.LabelHistory history) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", history.name());
        json.put("value", history.value());
        json.put("latest", history.latest());
        json.put("history", history.history().stream().map(r -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", r.id());
            entry.put("uploadedAt", r.uploadedAt().toString());
            entry.put("verdict", FleetView.verdict(r));
            entry.put("page", "/recordings/" + r.id());
            return entry;
        }).toList());
        return json;
    }

    static Map<String, Object> error(int status, String message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status);
        json.put("error", message);
        return json;
    }

    static List<Object> list(List<?> items) {
        return List.copyOf(items);
    }
}
