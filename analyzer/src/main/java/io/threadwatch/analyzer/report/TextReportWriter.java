package io.threadwatch.analyzer.report;

import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.analyzer.result.Explanation;
import io.threadwatch.analyzer.result.Limitation;
import io.threadwatch.analyzer.result.Values;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Writes a report for people: what was analyzed in two lines, then the findings, most severe
 * first, each with its site, message, pattern and fix, numbers and evidence with the top of its stack, then what
 * the recording could not show.
 */
final class TextReportWriter {

    /** Stack lines shown per evidence, or up to a little past the site's line; the JSON form has more. */
    private static final int FRAMES_SHOWN = 12;

    private TextReportWriter() {
    }

    static void write(Report report, Writer out, boolean explain) throws IOException {
        Report.Source source = report.source();
        StringBuilder text = new StringBuilder();
        text.append("threadwatch ").append(report.tool().version()).append(": ").append(source.name()).append('\n');
        Duration span = Duration.between(Instant.parse(source.start()), Instant.parse(source.end()));
        text.append("  ").append(seconds(span)).append(" recorded");
        if (!source.jvm().version().isEmpty()) {
            text.append(" on ").append(source.jvm().name().isEmpty() ? "JVM" : source.jvm().name())
                    .append(' ').append(source.jvm().version());
        }
        if (source.jvm().cores() != null) {
            text.append(", ").append(source.jvm().cores()).append(source.jvm().cores() == 1 ? " core" : " cores");
        }
        text.append(", ").append(source.chunks()).append(source.chunks() == 1 ? " chunk" : " chunks")
                .append("; ").append(report.analysis().windows()).append(" windows of ")
                .append(seconds(Duration.parse(report.analysis().window()))).append('\n');
        if (source.truncated()) {
            for (String skipped : source.skipped()) {
                text.append("  truncated: ").append(skipped).append('\n');
            }
        }
        if (!source.parser().fallback().isEmpty()) {
            text.append("  read by the ").append(source.parser().name()).append(" parser: ")
                    .append(source.parser().fallback()).append('\n');
        }
        text.append('\n');
        if (report.findings().isEmpty()) {
            text.append(report.limitations().isEmpty() ? "No findings.\n"
                    : "No findings in what this recording can show; what it could not show is listed below.\n");
        } else {
            text.append(report.findings().size()).append(report.findings().size() == 1 ? " finding" : " findings")
                    .append(":\n");
        }
        for (Finding finding : report.findings()) {
            text.append('\n').append(finding.severity().toUpperCase(Locale.ROOT)).append(' ').append(finding.kind())
                    .append(" (").append(finding.confidence()).append(')');
            if (finding.site() != null) {
                text.append(" at ").append(finding.site().frame());
            }
            text.append('\n');
            text.append("  ").append(finding.message()).append('\n');
            if (finding.pattern() != null) {
                text.append("  pattern: ").append(finding.pattern())
                        .append(finding.fix() == null ? " (no known shape matches this evidence)" : "").append('\n');
            }
            if (finding.fix() != null) {
                text.append("  fix: ").append(finding.fix()).append('\n');
            }
            Finding.FiredSli sli = finding.sli();
            text.append("  ").append(sli.name()).append(" = ").append(Values.withUnit(sli.value(), sli.unit()))
                    .append(" (threshold ").append(Values.withUnit(sli.threshold(), sli.unit()))
                    .append(") from ").append(finding.first()).append(" to ").append(finding.last())
                    .append(finding.episodes() > 1 ? " in " + finding.episodes() + " episodes" : "")
                    .append(" [rule ").append(finding.rule()).append("]\n");
            for (Evidence evidence : finding.evidence()) {
                text.append("  ").append(evidence.role()).append(": ").append(evidence.detail()).append('\n');
                if (!evidence.threads().isEmpty()) {
                    text.append("    threads: ").append(String.join(", ", evidence.threads()))
                            .append(evidence.count() > evidence.threads().size() && evidence.role().equals("live-threads")
                                    ? ", ..." : "")
                            .append('\n');
                }
                int shown = Math.min(evidence.frames().size(), Math.max(FRAMES_SHOWN, siteLine(evidence, finding) + 3));
                for (int i = 0; i < shown; i++) {
                    text.append("      ").append(evidence.frames().get(i)).append('\n');
                }
                if (evidence.frames().size() > shown) {
                    text.append("      ...\n");
                }
            }
        }
        if (!report.limitations().isEmpty()) {
            text.append("\nWhat this recording could not show:\n");
            for (Limitation limitation : report.limitations()) {
                text.append("  - ").append(limitation.message()).append(" (affects ")
                        .append(String.join(", ", limitation.kinds())).append(")\n");
            }
        }
        if (explain) {
            explanations(report, text);
        } else if (!report.explanations().isEmpty()) {
            text.append("\n").append(report.explanations().size())
                    .append(" decisions kept threads out of the findings (why each wait was not counted); --explain lists them.\n");
        }
        out.write(text.toString());
    }

    private static void explanations(Report report, StringBuilder text) {
        text.append("\nWhy these were not reported:\n");
        if (report.explanations().isEmpty()) {
            text.append("  (no thread was seen waiting)\n");
        }
        for (Explanation explanation : report.explanations()) {
            text.append("  ").append(explanation.decision()).append(" at ").append(explanation.frame()).append(": ")
                    .append(explanation.reason()).append(" (");
            if (explanation.threads() > 0) {
                text.append(explanation.threads()).append(explanation.threads() == 1 ? " thread, " : " threads, ");
            }
            text.append(explanation.observations()).append(explanation.observations() == 1 ? " observation" : " observations")
                    .append(')').append('\n');
            if (!explanation.names().isEmpty()) {
                text.append("    ").append(String.join(", ", explanation.names()))
                        .append(explanation.threads() > explanation.names().size() ? ", ..." : "").append('\n');
            }
        }
    }

    /** The index of the evidence line that shows the finding's site, or -1. */
    private static int siteLine(Evidence evidence, Finding finding) {
        if (finding.site() == null) {
            return -1;
        }
        String at = "at " + finding.site().frame();
        for (int i = 0; i < evidence.frames().size(); i++) {
            if (evidence.frames().get(i).equals(at)) {
                return i;
            }
        }
        return -1;
    }

    private static String seconds(Duration duration) {
        return Values.forPeople(duration.toMillis() / 1000.0) + " s";
    }
}
