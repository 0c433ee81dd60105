package io.threadwatch.analyzer.fleet;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.threadwatch.analyzer.report.Report;
import java.util.List;
import java.util.Objects;

/**
 * Several recordings analyzed each on its own (fleet v1, {@code fleet-v1.schema.json}): the summary,
 * the findings grouped by site across recordings, and each recording's report v1.
 *
 * @param schema     always {@link #SCHEMA}
 * @param tool       the tool that wrote it
 * @param recordings one line per recording, in the order given
 * @param sites      each kind of finding at each site, most widespread first
 * @param reports    the report of each recording that could be analyzed, in the same order
 */
@JsonPropertyOrder({"schema", "tool", "recordings", "sites", "reports"})
public record FleetReport(String schema, Report.Tool tool, List<RecordingLine> recordings, List<SiteGroup> sites,
                          List<FileReport> reports) {

    /** The schema id of this document. */
    public static final String SCHEMA = "threadwatch.fleet/v1";

    public FleetReport {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(tool, "tool");
        recordings = List.copyOf(recordings);
        sites = List.copyOf(sites);
        reports = List.copyOf(reports);
    }

    /**
     * One recording's report.
     *
     * @param file   the file as given
     * @param report its report v1
     */
    @JsonPropertyOrder({"file", "report"})
    public record FileReport(String file, Report report) {
    }
}
