package io.threadwatch.analyzer.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.threadwatch.analyzer.result.Evidence;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A problem, where it is, the numbers behind it and the stacks that show it, as report v1 writes
 * it: rendered ({@link Rendering#finding}) from the engine's {@code result.Finding}.
 *
 * @param id       {@code kind:site-fingerprint}, stable across runs
 * @param rule     the rule that fired (the first, when several rules of one kind fired at one site)
 * @param kind     the kind of problem
 * @param severity {@code info}, {@code warning} or {@code critical}
 * @param confidence how sure: {@code confirmed} (observed or measured directly), {@code estimated}
 *                 (inferred from sparser evidence: a blocked time from last activity, a trend over
 *                 a short span) or {@code suspected} (what the recording shows is consistent with
 *                 the problem, but it is too short or sparse to confirm it)
 * @param first    start of the first window in which the rule's conditions held
 * @param last     end of the last window in which they held
 * @param episodes how many times it fired between {@code first} and {@code last}: 1, plus 1 for
 *                 each time it fired again after its conditions had cleared (the rule's
 *                 {@code clear-after} windows without them)
 * @param message  one line a person can act on
 * @param sli      the SLI that fired, at its worst
 * @param site     where to look in the code
 * @param evidence what shows it
 * @param pattern  the id of the known shape the evidence shows (the catalog's patterns), or
 *                 {@code unclassified}; {@code null} only before classification
 * @param fix      the pattern's one-line fix; {@code null} when unclassified
 */
@JsonPropertyOrder({"id", "rule", "kind", "severity", "confidence", "first", "last", "episodes", "message", "sli",
        "site", "evidence", "pattern", "fix"})
public record Finding(String id, String rule, String kind, String severity, String confidence, String first, String last,
                      int episodes,
                      String message, FiredSli sli, Site site, List<Evidence> evidence,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String pattern,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String fix) {

    public Finding {
        evidence = List.copyOf(evidence);
        if (episodes < 1) {
            throw new IllegalArgumentException("a finding has at least 1 episode, not " + episodes);
        }
    }

    /** A finding not yet classified: no pattern, no fix. */
    public Finding(String id, String rule, String kind, String severity, String confidence, String first, String last,
                   int episodes, String message, FiredSli sli, Site site, List<Evidence> evidence) {
        this(id, rule, kind, severity, confidence, first, last, episodes, message, sli, site, evidence, null, null);
    }

    /** This finding with its pattern and fix. */
    public Finding classified(String pattern, String fix) {
        return new Finding(id, rule, kind, severity, confidence, first, last, episodes, message, sli, site, evidence,
                pattern, fix);
    }

    /**
     * @param name      the primary SLI of the rule
     * @param labels    its labels where the rule fired
     * @param value     its worst value while the rule held
     * @param threshold the rule's threshold
     * @param unit      the SLI's unit
     */
    @JsonPropertyOrder({"name", "labels", "value", "threshold", "unit"})
    public record FiredSli(String name, SortedMap<String, String> labels, double value, double threshold, String unit) {
        public FiredSli {
            labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        }
    }

    /**
     * @param frame       the first application frame, e.g. {@code com.acme.Reloader.reload(Reloader.java:42)}
     * @param fingerprint a stable hash of it
     */
    public record Site(String frame, String fingerprint) {
    }
}
