package io.threadwatch.analyzer.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.threadwatch.analyzer.result.Explanation;
import io.threadwatch.analyzer.result.Limitation;
import java.util.List;
import java.util.Objects;

/**
 * One analysis of one recording (report v1).
 *
 * @param schema      always {@value #SCHEMA}
 * @param tool        what produced it
 * @param source      what was analyzed
 * @param analysis    how it was analyzed
 * @param slis        every SLI sample of every window, in time order
 * @param findings    the problems found, most severe first
 * @param limitations what this recording could not show, and which kinds of finding that affects
 * @param explanations why threads the analysis saw were not reported (idle waits and the reason
 *                    for each decision), so that a user can check them
 */
@JsonPropertyOrder({"schema", "tool", "source", "analysis", "slis", "findings", "limitations", "explanations"})
public record Report(String schema, Tool tool, Source source, Analysis analysis, List<SliPoint> slis,
                     List<Finding> findings, List<Limitation> limitations, List<Explanation> explanations) {

    /** The schema id of this report format. */
    public static final String SCHEMA = "threadwatch.report/v1";

    public Report {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(analysis, "analysis");
        slis = List.copyOf(slis);
        findings = List.copyOf(findings);
        limitations = List.copyOf(limitations);
        explanations = List.copyOf(explanations);
    }

    /** This report with {@code source.name} set to {@code name}: the name its owner knows the recording by. */
    public Report named(String name) {
        Source renamed = new Source(source.kind(), name, source.bytes(), source.chunks(), source.truncated(),
                source.skipped(), source.parser(), source.jvm(), source.start(), source.end());
        return new Report(schema, tool, renamed, analysis, slis, findings, limitations, explanations);
    }

    /**
     * @param name    {@code threadwatch}
     * @param version the version that wrote the report
     */
    public record Tool(String name, String version) {
    }

    /**
     * @param kind      {@code file}
     * @param name      the file names, without directories
     * @param bytes     their size as given
     * @param chunks    complete chunks analyzed
     * @param truncated whether part of a file was cut off and not analyzed
     * @param skipped   what was not analyzed, one line per cut file
     * @param parser    which parser read the recording, and why when it was not the default
     * @param jvm       the recorded JVM
     * @param start     start of the first chunk
     * @param end       end of the last chunk
     */
    @JsonPropertyOrder({"kind", "name", "bytes", "chunks", "truncated", "skipped", "parser", "jvm", "start", "end"})
    public record Source(String kind, String name, long bytes, int chunks, boolean truncated, List<String> skipped,
                         ParserUsed parser, Jvm jvm, String start, String end) {
        public Source {
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * @param name     the parser that read the recording: {@code threadwatch}, {@code jdk} or {@code jmc}
     * @param fallback why the default parser could not read it, or the empty string when it did
     *                 (or when a parser was chosen)
     */
    public record ParserUsed(String name, String fallback) {
    }

    /**
     * @param name    JVM name, or the empty string when not recorded
     * @param version JVM version, or the empty string when not recorded
     * @param cores   effective CPU count, or {@code null} when not recorded
     */
    public record Jvm(String name, String version, Integer cores) {
    }

    /**
     * @param window         the window length (ISO-8601)
     * @param windows        how many windows the recording was cut into
     * @param stuckThreshold how long a thread must be blocked to count as stuck (ISO-8601)
     * @param rules          the ids of the rules that ran
     */
    public record Analysis(String window, int windows, String stuckThreshold, List<String> rules) {
        public Analysis {
            rules = List.copyOf(rules);
        }
    }
}
