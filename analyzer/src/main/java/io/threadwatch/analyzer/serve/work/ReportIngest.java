package io.threadwatch.analyzer.serve.work;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.serve.store.FindingRow;
import io.threadwatch.analyzer.serve.store.RecordingRow;
import io.threadwatch.rules.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads what the database keeps (verdict, findings) out of a report v1 file a worker wrote. */
final class ReportIngest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param verdict  the recording's verdict
     * @param findings its findings, in report order
     */
    record Ingested(RecordingRow.Verdict verdict, List<FindingRow> findings) {
    }

    private ReportIngest() {
    }

    static Ingested read(String recordingId, Path report, Instant analyzedAt) throws IOException {
        JsonNode root = JSON.readTree(report.toFile());
        if (root == null || !Report.SCHEMA.equals(root.path("schema").asText())) {
            throw new IOException("not a " + Report.SCHEMA + " document");
        }
        JsonNode source = root.path("source");
        List<FindingRow> findings = new ArrayList<>();
        FindingRow worst = null;
        for (JsonNode f : root.path("findings")) {
            FindingRow row = new FindingRow(recordingId, f.path("id").asText(), f.path("rule").asText(),
                    f.path("kind").asText(), f.path("severity").asText(), f.path("site").path("frame").asText(),
                    f.path("site").path("fingerprint").asText(), Instant.parse(f.path("first").asText()),
                    Instant.parse(f.path("last").asText()), f.path("message").asText());
            findings.add(row);
            if (worst == null || Severity.fromId(row.severity()).ordinal() > Severity.fromId(worst.severity()).ordinal()) {
                worst = row;
            }
        }
        Optional<RecordingRow.WorstFinding> worstFinding = Optional.ofNullable(worst)
                .map(w -> new RecordingRow.WorstFinding(w.severity(), w.kind(), w.site()));
        RecordingRow.Verdict verdict = new RecordingRow.Verdict(analyzedAt, Instant.parse(source.path("start").asText()),
                Instant.parse(source.path("end").asText()), source.path("jvm").path("version").asText(""),
                findings.size(), worstFinding);
        return new Ingested(verdict, findings);
    }
}
