package io.threadwatch.analyzer.pattern;

import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.analyzer.result.Finding;
import io.threadwatch.rules.FindingKind;
import io.threadwatch.rules.ProblemPattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gives a finding the first catalog pattern its evidence matches, and that pattern's fix; a finding
 * no pattern describes is {@value ProblemPattern#UNCLASSIFIED}, with no fix, rather than a guess.
 * Patterns from user catalog files are tried before the built-in ones, so a user can name a shape
 * in their own code more precisely than a built-in catch-all does.
 */
public final class PatternClassifier {

    private final List<ProblemPattern> patterns;

    /** A classifier over these patterns, in catalog order. */
    public PatternClassifier(List<ProblemPattern> patterns) {
        List<ProblemPattern> ordered = new ArrayList<>(patterns);
        ordered.sort(Comparator.comparing(ProblemPattern::builtIn)); // stable: user files first, each in order
        this.patterns = List.copyOf(ordered);
    }

    /** The finding with its pattern and fix. */
    public Finding classify(Finding finding) {
        Classification found = classify(finding.kind(), finding.site() == null ? null : finding.site().frame(),
                finding.evidence());
        return finding.classified(found.pattern(), found.fix());
    }

    /**
     * The first pattern of {@code kind} that this evidence shows.
     *
     * @param site the finding's site frame, e.g. {@code com.acme.Reloader.reload(Reloader.java:42)},
     *             or {@code null} when it has none
     */
    public Classification classify(FindingKind kind, String site, List<Evidence> evidence) {
        FindingShape shape = FindingShape.of(kind, site, evidence);
        for (ProblemPattern pattern : patterns) {
            if (pattern.kinds().contains(kind) && matches(pattern.match(), shape)) {
                return new Classification(pattern.id(), pattern.fix());
            }
        }
        return new Classification(ProblemPattern.UNCLASSIFIED, null);
    }

    /**
     * @param pattern the pattern's id, or {@link ProblemPattern#UNCLASSIFIED}
     * @param fix     its one-line fix; {@code null} when unclassified
     */
    public record Classification(String pattern, String fix) {
    }

    static boolean matches(ProblemPattern.Match match, FindingShape shape) {
        return anyFrame(match.created(), shape.created())
                && createdOnly(match.createdOnly(), shape)
                && anyFrame(match.waits(), shape.waits())
                && (match.notWaits().isEmpty() || !anyFrame(match.notWaits(), shape.waits()))
                && anyFrame(match.allocated(), shape.allocated())
                && anyPrefix(match.locks(), shape.locks())
                && (match.details().isEmpty() || shape.details().stream()
                        .anyMatch(detail -> match.details().stream().anyMatch(detail::contains)))
                && (match.states().isEmpty() || shape.states().stream().anyMatch(match.states()::contains))
                && (match.timeout() == null || match.timeout() == shape.timed());
    }

    private static boolean anyFrame(List<String> entries, List<String> frames) {
        return entries.isEmpty() || frames.stream()
                .anyMatch(frame -> entries.stream().anyMatch(entry -> ProblemPattern.Match.frameMatches(entry, frame)));
    }

    private static boolean anyPrefix(List<String> prefixes, List<String> values) {
        return prefixes.isEmpty() || values.stream().anyMatch(value -> prefixes.stream().anyMatch(value::startsWith));
    }

    /** Holds when some creation stack reaches the site through nothing but these frames. */
    private static boolean createdOnly(List<String> entries, FindingShape shape) {
        if (entries.isEmpty()) {
            return true;
        }
        return shape.createdAbove().stream().anyMatch(above -> above.stream()
                .allMatch(frame -> entries.stream().anyMatch(entry -> ProblemPattern.Match.frameMatches(entry, frame))));
    }
}
