package io.threadwatch.analyzer.fleet;

import io.threadwatch.analyzer.Version;
import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.result.Values;
import io.threadwatch.rules.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the fleet view of recordings analyzed each on its own. */
public final class Fleet {

    private Fleet() {
    }

    /** The summary, the grouping by site and the reports of {@code entries}, in the order given. */
    public static FleetReport of(List<FleetEntry> entries) {
        List<RecordingLine> lines = new ArrayList<>();
        List<FleetReport.FileReport> reports = new ArrayList<>();
        for (FleetEntry entry : entries) {
            lines.add(line(entry));
            entry.report().ifPresent(report -> reports.add(new FleetReport.FileReport(entry.file(), report)));
        }
        return new FleetReport(FleetReport.SCHEMA, new Report.Tool("threadwatch", Version.current()), lines,
                sites(entries), reports);
    }

    /**
     * The most severe finding of a report: the first of the most severe ones in report order, or
     * empty when it has none.
     */
    public static Optional<Finding> worst(Report report) {
        Finding worst = null;
        for (Finding finding : report.findings()) {
            if (worst == null || !Severity.fromId(worst.severity()).isAtLeast(Severity.fromId(finding.severity()))) {
                worst = finding;
            }
        }
        return Optional.ofNullable(worst);
    }

    private static RecordingLine line(FleetEntry entry) {
        if (entry.report().isEmpty()) {
            return new RecordingLine(entry.file(), entry.error(), 0, null, null, null, null, null);
        }
        Report report = entry.report().get();
        Report.Source source = report.source();
        Duration duration = Duration.between(Instant.parse(source.start()), Instant.parse(source.end()));
        return new RecordingLine(entry.file(), "", report.findings().size(),
                worst(report).map(RecordingLine.Worst::of).orElse(null), source.start(), source.end(),
                Values.duration(duration), source.jvm());
    }

    /** Findings with a site, grouped by kind and site fingerprint; most recordings first, then most severe. */
    private static List<SiteGroup> sites(List<FleetEntry> entries) {
        Map<String, List<String>> files = new LinkedHashMap<>();
        Map<String, Finding> first = new LinkedHashMap<>();
        Map<String, Severity> severest = new LinkedHashMap<>();
        for (FleetEntry entry : entries) {
            for (Finding finding : entry.report().map(Report::findings).orElse(List.of())) {
                if (finding.site() == null) {
                    continue;
                }
                String key = finding.kind() + ":" + finding.site().fingerprint();
                List<String> where = files.computeIfAbsent(key, k -> new ArrayList<>());
                if (!where.contains(entry.file())) {
                    where.add(entry.file());
                }
                first.putIfAbsent(key, finding);
                Severity severity = Severity.fromId(finding.severity());
                severest.merge(key, severity, (a, b) -> a.isAtLeast(b) ? a : b);
            }
        }
        List<SiteGroup> groups = new ArrayList<>();
        first.forEach((key, finding) -> groups.add(new SiteGroup(finding.kind(), finding.site().frame(),
                finding.site().fingerprint(), severest.get(key).id(), files.get(key).size(), files.get(key))));
        groups.sort(Comparator.comparingInt(SiteGroup::recordings).reversed()
                .thenComparing(group -> Severity.fromId(group.severity()), Comparator.reverseOrder())
                .thenComparing(SiteGroup::kind).thenComparing(SiteGroup::site));
        return groups;
    }
}
