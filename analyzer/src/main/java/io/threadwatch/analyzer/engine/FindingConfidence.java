package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.result.Confidence;
import io.threadwatch.rules.FindingKind;
import java.util.List;
import java.util.SortedMap;

/**
 * How sure a finding is, from the evidence behind it: stuck threads by how their blocked time is
 * known; a leak by the horizon its trend held over (an hour or the whole observation, or threads
 * that each wait on their own pool, confirm it; recent windows alone estimate it); everything
 * measured directly by events is confirmed.
 */
final class FindingConfidence {

    private final ThreadLedger ledger;
    private final DumpAnalysis dumps;

    FindingConfidence(ThreadLedger ledger, DumpAnalysis dumps) {
        this.ledger = ledger;
        this.dumps = dumps;
    }

    /** How sure a finding of {@code kind} at {@code site} (possibly {@code null}) with these SLI labels is. */
    Confidence of(FindingKind kind, Site site, SortedMap<String, String> labels) {
        switch (kind) {
            case BLOCKED_FOREVER: {
                Confidence strongest = null;
                for (StuckThread stuck : site == null ? List.<StuckThread>of() : dumps.lastStuckAt(site)) {
                    strongest = strongest == null ? stuck.confidence() : strongest.strongest(stuck.confidence());
                }
                return strongest == null ? Confidence.ESTIMATED : strongest;
            }
            case THREAD_LEAK:
            case VTHREAD_LEAK: {
                String horizon = labels.getOrDefault("horizon", "");
                if (!horizon.equals(GrowthTrend.Horizon.RECENT.label())) {
                    return Confidence.CONFIRMED;
                }
                ThreadLedger.SiteThreads threads = site == null ? null : ledger.site(site);
                return threads != null && threads.poolShape == PoolShape.PER_CALL ? Confidence.CONFIRMED
                        : Confidence.ESTIMATED;
            }
            default:
                return Confidence.CONFIRMED;
        }
    }
}
