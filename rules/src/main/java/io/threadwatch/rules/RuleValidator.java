package io.threadwatch.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Turns one {@link RuleSpec} into a {@link Rule}, or names the field that is wrong. */
final class RuleValidator {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final String source;
    private final int line;
    private final String ruleId;
    private final Set<String> knownSlis;

    RuleValidator(String source, int line, String ruleId, Set<String> knownSlis) {
        this.source = source;
        this.line = line;
        this.ruleId = ruleId;
        this.knownSlis = knownSlis;
    }

    Rule validate(RuleSpec spec) throws RuleFileException {
        if (!ID.matcher(spec.id).matches()) {
            throw error("id", "'" + spec.id + "' must be lower-case letters, digits and '-'");
        }
        FindingKind kind = parse("kind", spec.kind, FindingKind::fromId);
        Severity severity = parse("severity", spec.severity, Severity::fromId);
        String message = require("message", spec.message);
        if (message.isBlank()) {
            throw error("message", "must not be blank");
        }
        int forWindows = spec.forWindows == null ? 1 : spec.forWindows;
        if (forWindows < 1) {
            throw error("for", "must be at least 1 window, not " + forWindows);
        }
        int clearAfterWindows = spec.clearAfterWindows == null ? 1 : spec.clearAfterWindows;
        if (clearAfterWindows < 1) {
            throw error(RuleSpec.CLEAR_AFTER, "must be at least 1 window, not " + clearAfterWindows);
        }
        List<RuleSpec.ConditionSpec> when = require("when", spec.when);
        if (when.isEmpty()) {
            throw error("when", "needs at least one condition");
        }
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < when.size(); i++) {
            conditions.add(condition("when[" + i + "]", when.get(i)));
        }
        List<EvidenceRole> evidence = new ArrayList<>();
        List<String> evidenceIds = spec.evidence == null ? List.of() : spec.evidence;
        for (int i = 0; i < evidenceIds.size(); i++) {
            evidence.add(parse("evidence[" + i + "]", evidenceIds.get(i), EvidenceRole::fromId));
        }
        String description = spec.description == null ? "" : spec.description;
        boolean enabled = spec.enabled == null || spec.enabled;
        return new Rule(spec.id, kind, severity, description, conditions, forWindows, clearAfterWindows, evidence, message,
                enabled);
    }

    private Condition condition(String field, RuleSpec.ConditionSpec spec) throws RuleFileException {
        if (spec == null) {
            throw error(field, "expected a condition with sli, op and threshold");
        }
        String sli = require(field + ".sli", spec.sli);
        if (!knownSlis.contains(sli)) {
            throw error(field + ".sli", "unknown SLI '" + sli + "'; expected one of " + new TreeSet<>(knownSlis));
        }
        Comparison op = parse(field + ".op", spec.op, Comparison::fromSymbol);
        Double threshold = require(field + ".threshold", spec.threshold);
        if (!Double.isFinite(threshold)) {
            throw error(field + ".threshold", "must be a finite number");
        }
        TreeMap<String, Set<String>> labels = new TreeMap<>();
        if (spec.labels != null) {
            for (Map.Entry<String, List<String>> e : spec.labels.entrySet()) {
                if (e.getValue() == null || e.getValue().isEmpty()) {
                    throw error(field + ".labels." + e.getKey(), "needs at least one value");
                }
                labels.put(e.getKey(), new TreeSet<>(e.getValue()));
            }
        }
        return Condition.of(sli, labels, op, threshold);
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private <T> T parse(String field, String text, Parser<T> parser) throws RuleFileException {
        require(field, text);
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(field, e.getMessage());
        }
    }

    private <T> T require(String field, T value) throws RuleFileException {
        if (value == null) {
            throw error(field, "missing");
        }
        return value;
    }

    private RuleFileException error(String field, String reason) {
        return new RuleFileException(source, line, "rule '" + ruleId + "': " + field + ": " + reason);
    }
}
