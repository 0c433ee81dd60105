package io.threadwatch.analyzer.diff;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.Report;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What changed between two snapshots of a JVM's threads (diff v1, the document
 * {@code threadwatch diff --format json} writes).
 *
 * @param schema   always {@value #SCHEMA}
 * @param tool     what produced it
 * @param before   the first snapshot
 * @param after    the second
 * @param summary  how many groups changed in which way, and how many findings are new or gone
 * @param families the threads by name family, each with its stacks and creation sites; changed
 *                 families first
 * @param slis     for two recordings, each per-site SLI before and after; empty otherwise
 * @param findings for two recordings, the findings of both matched by kind and site; empty otherwise
 * @param notes    what could not be compared, and why
 */
@JsonPropertyOrder({"schema", "tool", "before", "after", "summary", "families", "slis", "findings", "notes"})
public record DiffReport(String schema, Report.Tool tool, Side before, Side after, Summary summary,
                         List<Family> families, List<SliChange> slis, List<FindingChange> findings, List<String> notes) {

    /** The schema id of this document. */
    public static final String SCHEMA = "threadwatch.diff/v1";

    public DiffReport {
        families = List.copyOf(families);
        slis = List.copyOf(slis);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /**
     * @param name    the file name
     * @param kind    {@code recording}, {@code jstack} or {@code json-dump}
     * @param threads the live threads it shows (a recording: at its end)
     * @param start   a recording's start, or {@code null}
     * @param end     a recording's end, or {@code null}
     */
    @JsonPropertyOrder({"name", "kind", "threads", "start", "end"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Side(String name, String kind, int threads, String start, String end) {
    }

    /**
     * @param families how many name families changed in each way
     * @param stacks   how many (family, stack) groups changed in each way
     * @param sites    how many (family, creation site) groups changed in each way
     * @param findings how many findings are {@code new}, {@code gone} and {@code unchanged}
     */
    @JsonPropertyOrder({"families", "stacks", "sites", "findings"})
    public record Summary(SortedMap<String, Integer> families, SortedMap<String, Integer> stacks,
                          SortedMap<String, Integer> sites, SortedMap<String, Integer> findings) {
        public Summary {
            families = Collections.unmodifiableSortedMap(new TreeMap<>(families));
            stacks = Collections.unmodifiableSortedMap(new TreeMap<>(stacks));
            sites = Collections.unmodifiableSortedMap(new TreeMap<>(sites));
            findings = Collections.unmodifiableSortedMap(new TreeMap<>(findings));
        }
    }

    /**
     * The threads of one name family (see {@code NameFamily}), e.g. {@code pool-#-thread-#}.
     *
     * @param family  the family; {@code (unnamed)} for threads without a name
     * @param before  its threads before
     * @param after   its threads after
     * @param change  how the count changed
     * @param stacks  its threads per stack fingerprint, changed first
     * @param sites   its threads per creation site, changed first (recordings only; threads the
     *                recording did not see start have no site)
     */
    @JsonPropertyOrder({"family", "before", "after", "change", "stacks", "sites"})
    public record Family(String family, int before, int after, Change change, List<Group> stacks, List<Group> sites) {
        public Family {
            stacks = List.copyOf(stacks);
            sites = List.copyOf(sites);
        }
    }

    /**
     * Threads that share a stack or a creation site.
     *
     * @param fingerprint the stack's or site's fingerprint; {@code none} for threads no dump listed
     * @param label       the site's frame, or the stack's top frame and first non-JDK frame
     * @param frames      the stack's top frames (empty for a site)
     * @param before      its threads before
     * @param after       its threads after
     * @param change      how the count changed
     */
    @JsonPropertyOrder({"fingerprint", "label", "frames", "before", "after", "change"})
    public record Group(String fingerprint, String label, List<String> frames, int before, int after, Change change) {
        public Group {
            frames = List.copyOf(frames);
        }
    }

    /**
     * One per-site SLI series of the two recordings.
     *
     * @param name   the SLI name
     * @param labels its labels (always with {@code site})
     * @param before its last and worst value in the first recording, or {@code null} if absent there
     * @param after  the same in the second, or {@code null}
     */
    @JsonPropertyOrder({"name", "labels", "before", "after"})
    public record SliChange(String name, SortedMap<String, String> labels, Values before, Values after) {
        public SliChange {
            labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        }

        /** {@code name{k=v,...}}, as the text report prints SLIs. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public String key() {
            StringBuilder text = new StringBuilder(name).append('{');
            String separator = "";
            for (Map.Entry<String, String> label : labels.entrySet()) {
                text.append(separator).append(label.getKey()).append('=').append(label.getValue());
                separator = ",";
            }
            return text.append('}').toString();
        }
    }

    /**
     * @param last the value of the last window that had one
     * @param max  the largest value of any window
     */
    public record Values(double last, double max) {
    }

    /**
     * A finding of either recording, matched by kind and site fingerprint.
     *
     * @param status         {@code new} (only after), {@code gone} (only before) or {@code unchanged} (both)
     * @param kind           the finding's kind
     * @param site           where it is, or {@code null} (a finding without a site, e.g. GC pressure)
     * @param severityBefore its severity before, or {@code null} when new
     * @param severityAfter  its severity after, or {@code null} when gone
     * @param message        the latest message (after, else before)
     * @param pattern        the known shape the latest finding shows, as in the report ({@code unclassified}
     *                       when none matches)
     * @param fix            that pattern's fix, {@code null} when unclassified
     */
    @JsonPropertyOrder({"status", "kind", "site", "severityBefore", "severityAfter", "message", "pattern", "fix"})
    public record FindingChange(String status, String kind, Finding.Site site, String severityBefore,
                                String severityAfter, String message, String pattern, String fix) {

        /** The site's frame, or {@code -} for a finding without a site. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public String where() {
            return site == null ? "-" : site.frame();
        }

        /** The severity that counts for the gate: after's, else before's. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public String severity() {
            return severityAfter != null ? severityAfter : severityBefore;
        }
    }
}
