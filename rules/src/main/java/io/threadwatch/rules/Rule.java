package io.threadwatch.rules;

import java.util.List;
import java.util.Objects;

/**
 * A rule: when all its conditions hold for {@code forWindows} consecutive windows on one label
 * set, it fires a finding of its kind and severity, with the evidence it names. The finding then
 * stays active until the conditions have not held for {@code clearAfterWindows} consecutive
 * windows; only then does it clear, and fire again only as a new episode.
 *
 * @param id          unique id, such as {@code thread-leak}; user files override rules by id
 * @param kind        the kind of finding it produces
 * @param severity    the severity of that finding
 * @param description one sentence a person can read in {@code threadwatch rules}
 * @param when        the conditions; the first is primary (it decides the label sets), the others
 *                    must hold on a sample whose shared labels agree with the primary sample
 * @param forWindows  how many consecutive windows the conditions must hold before the rule fires
 * @param clearAfterWindows how many consecutive windows without the conditions clear a finding that
 *                    fired; 1 clears it in the first such window. A window in which the conditions
 *                    hold again within that span continues the same episode.
 * @param evidence    what to attach to the finding
 * @param message     the finding's message; {@code {value}}, {@code {threshold}}, {@code {unit}},
 *                    {@code {windows}} and {@code {label}} for any label (e.g. {@code {site}})
 *                    are replaced; {@code {value:with-unit}} and {@code {threshold:with-unit}} add
 *                    the unit, with bytes in KiB, MiB or GiB
 * @param enabled     whether the rule runs at all
 */
public record Rule(String id, FindingKind kind, Severity severity, String description, List<Condition> when,
                   int forWindows, int clearAfterWindows, List<EvidenceRole> evidence, String message, boolean enabled) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(message, "message");
        when = List.copyOf(when);
        evidence = List.copyOf(evidence);
        if (when.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " has no condition");
        }
        if (forWindows < 1) {
            throw new IllegalArgumentException("rule " + id + " must hold for at least 1 window, not " + forWindows);
        }
        if (clearAfterWindows < 1) {
            throw new IllegalArgumentException("rule " + id + " must clear after at least 1 window, not "
                    + clearAfterWindows);
        }
    }

    /** The condition that decides the label sets the rule is evaluated on. */
    public Condition primary() {
        return when.get(0);
    }
}
