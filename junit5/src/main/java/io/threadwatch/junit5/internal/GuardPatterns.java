package io.threadwatch.junit5.internal;

import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.pattern.PatternClassifier;
import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.rules.Catalog;
import io.threadwatch.rules.FindingKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the known shape of a guard finding with the same pattern catalog {@code threadwatch analyze}
 * uses, so a failing test says which mistake it is and what to change, in the report's words. The
 * guard's evidence is put in the report's terms (a creation-site stack; the threads' stacks as live,
 * blocked or pinned) and the analyzer's classifier decides: one catalog, one set of matching rules.
 */
final class GuardPatterns {

    private final PatternClassifier classifier;

    GuardPatterns(Catalog catalog) {
        this.classifier = new PatternClassifier(catalog.patterns());
    }

    GuardFinding classify(GuardFinding finding) {
        List<Evidence> evidence = new ArrayList<>();
        List<String> names = finding.threads().stream().map(GuardFinding.ThreadState::name).toList();
        if (!finding.creation().isEmpty()) {
            evidence.add(new Evidence("creation-site", names.size(), names, lines(finding.creation()),
                    "created " + names.size() + " thread(s)"));
        }
        String role = switch (finding.kind()) {
            case ThreadJudge.BLOCKED_FOREVER -> "blocked-stacks";
            case ThreadJudge.PINNING -> "pinned-events";
            default -> "live-threads";
        };
        for (GuardFinding.ThreadState thread : finding.threads()) {
            // The detail starts with the thread's state, as the report's does: patterns match on it.
            evidence.add(new Evidence(role, 1, List.of(thread.name()), lines(thread.stack()), thread.state()));
        }
        String site = finding.site().equals(GuardFinding.NO_SITE) ? null : finding.site();
        PatternClassifier.Classification classified = classifier.classify(FindingKind.fromId(finding.kind()), site,
                evidence);
        return finding.classified(classified.pattern(), classified.fix());
    }

    private static List<String> lines(List<Frame> frames) {
        return frames.stream().map(frame -> "at " + frame).toList();
    }
}
