package io.threadwatch.analyzer.result;

import io.threadwatch.rules.FindingKind;
import io.threadwatch.rules.Severity;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A problem, where it is, the numbers behind it and the stacks that show it, as the engine found
 * it: times are instants, the severity and confidence are the rules' and the engine's own types,
 * the SLI's value is not rounded. The report renders it ({@code report.Rendering}).
 *
 * @param id         {@code kind:site-fingerprint}, stable across runs
 * @param rule       the id of the rule that fired (the first, when several rules of one kind fired at one site)
 * @param kind       the kind of problem
 * @param severity   the most severe of the rules that fired
 * @param confidence how sure
 * @param first      start of the first window in which the rule's conditions held
 * @param last       end of the last window in which they held
 * @param episodes   how many times it fired between {@code first} and {@code last}: 1, plus 1 for
 *                   each time it fired again after its conditions had cleared
 * @param message    one line a person can act on
 * @param sli        the SLI that fired, at its worst
 * @param site       where to look in the code, or {@code null} when the recording did not show a place
 * @param evidence   what shows it
 * @param pattern    the id of the known shape the evidence shows (the catalog's patterns), or
 *                   {@code unclassified}; {@code null} only before classification
 * @param fix        the pattern's one-line fix; {@code null} when unclassified
 */
public record Finding(String id, String rule, FindingKind kind, Severity severity, Confidence confidence,
                      Instant first, Instant last, int episodes, String message, FiredSli sli, Site site,
                      List<Evidence> evidence, String pattern, String fix) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        evidence = List.copyOf(evidence);
        if (episodes < 1) {
            throw new IllegalArgumentException("a finding has at least 1 episode, not " + episodes);
        }
    }

    /** A finding not yet classified: no pattern, no fix. */
    public Finding(String id, String rule, FindingKind kind, Severity severity, Confidence confidence, Instant first,
                   Instant last, int episodes, String message, FiredSli sli, Site site, List<Evidence> evidence) {
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
    public record FiredSli(String name, SortedMap<String, String> labels, double value, double threshold,
                           String unit) {
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
