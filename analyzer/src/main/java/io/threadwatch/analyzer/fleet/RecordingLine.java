package io.threadwatch.analyzer.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.Report;
import java.util.Objects;

/**
 * The fleet summary's line for one recording.
 *
 * @param file     the file as given
 * @param error    why it could not be analyzed; empty when it was
 * @param findings how many findings its report has (0 when it could not be analyzed)
 * @param worst    its most severe finding (the first of them in the report); {@code null} when it
 *                 has none or could not be analyzed
 * @param start    when its recording starts (ISO-8601); {@code null} when it could not be analyzed
 * @param end      when its recording ends; {@code null} when it could not be analyzed
 * @param duration how long it covers (ISO-8601 duration); {@code null} when it could not be analyzed
 * @param jvm      the recorded JVM; {@code null} when it could not be analyzed
 */
@JsonPropertyOrder({"file", "error", "findings", "worst", "start", "end", "duration", "jvm"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordingLine(String file, String error, int findings, Worst worst, String start, String end,
                            String duration, Report.Jvm jvm) {

    public RecordingLine {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(error, "error");
    }

    /**
     * A recording's most severe finding.
     *
     * @param kind     its kind, e.g. {@code thread-leak}
     * @param severity {@code info}, {@code warning} or {@code critical}
     * @param site     its site's frame; {@code null} when the finding has no site
     * @param fingerprint its site's fingerprint; {@code null} when it has no site
     */
    @JsonPropertyOrder({"kind", "severity", "site", "fingerprint"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Worst(String kind, String severity, String site, String fingerprint) {

        static Worst of(Finding finding) {
            return new Worst(finding.kind(), finding.severity(), finding.site() == null ? null : finding.site().frame(),
                    finding.site() == null ? null : finding.site().fingerprint());
        }
    }
}
