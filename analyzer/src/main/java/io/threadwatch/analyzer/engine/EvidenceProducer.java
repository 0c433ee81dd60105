package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.rules.EvidenceRole;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

/**
 * A detector's part in a finding: the evidence of the roles it owns, from what it holds when the
 * finding is assembled. Each role has exactly one producer ({@link FindingAssembler} refuses a set
 * that leaves one out or names one twice), so the detector that measured a thing is the one that
 * shows it.
 */
interface EvidenceProducer {

    /** The roles whose evidence this detector holds. */
    Set<EvidenceRole> roles();

    /**
     * The evidence of {@code role}, one of {@link #roles()}, for a finding at {@code site}.
     *
     * @param site   where the finding is, or {@code null} when its SLI names no site (the heap's)
     * @param labels the labels of the SLI that fired
     * @return the evidence, possibly none
     */
    List<Evidence> evidence(EvidenceRole role, Site site, SortedMap<String, String> labels);

    /**
     * Where this role's evidence points when the finding's SLI names no site, or {@code null}:
     * e.g. the allocation site of most leak candidates for a growing heap.
     */
    default Site pointsAt(EvidenceRole role) {
        return null;
    }
}
