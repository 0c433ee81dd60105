package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.OldObjectSampled;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.analyzer.result.Values;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.rules.EvidenceRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Sampled objects that stayed alive ({@code jdk.OldObjectSample}), grouped by the application site
 * that allocated them: where a growing heap comes from. JFR emits them only at the end of a
 * recording or when it is dumped (jfr-reference §0.9), so they serve as evidence, not as an SLI.
 * Each emission lists every sample JFR still holds: a new batch replaces the previous one, so a
 * live recorder that asks for them repeatedly does not count the same objects twice.
 */
final class LeakCandidates implements EvidenceProducer {

    private static final int TOP = 8;
    /** Samples further apart than this belong to different emissions. */
    private static final Duration BATCH_GAP = Duration.ofSeconds(5);

    /** The samples allocated at one site. */
    static final class AtSite {
        final Site site;
        long samples;
        long bytes;
        Duration oldest = Duration.ZERO;
        final TopCounts<String> types = new TopCounts<>(TOP);
        final TopCounts<Stack> stacks = new TopCounts<>(TOP);
        List<String> pathToRoot = List.of();
        String root = "";

        AtSite(Site site) {
            this.site = site;
        }
    }

    private final Sites sites;
    private final Map<Site, AtSite> bySite = new TreeMap<>();
    private long withoutStack;
    private long total;
    private Instant lastSample;

    LeakCandidates(Sites sites) {
        this.sites = sites;
    }

    void sampled(OldObjectSampled sample) {
        if (lastSample != null && Duration.between(lastSample, sample.time()).compareTo(BATCH_GAP) > 0) {
            bySite.clear();
            withoutStack = 0;
            total = 0;
        }
        lastSample = sample.time();
        total++;
        Sites.Classified classified = sites.classify(sample.allocationStack());
        if (!classified.hasSite()) {
            withoutStack++;
            return;
        }
        AtSite at = bySite.computeIfAbsent(classified.site(), AtSite::new);
        at.samples++;
        at.bytes += Math.max(0, sample.sizeBytes());
        if (sample.age().compareTo(at.oldest) > 0) {
            at.oldest = sample.age();
        }
        at.types.add(sample.objectType());
        at.stacks.add(sample.allocationStack());
        if (at.pathToRoot.isEmpty() && !sample.pathToRoot().isEmpty()) {
            at.pathToRoot = sample.pathToRoot();
            at.root = sample.root();
        }
    }

    /** Allocation sites with the most samples first (site order on ties). */
    private List<AtSite> ranked() {
        List<AtSite> ranked = new ArrayList<>(bySite.values());
        ranked.sort((a, b) -> Long.compare(b.samples, a.samples));
        return ranked;
    }

    @Override
    public Set<EvidenceRole> roles() {
        return Set.of(EvidenceRole.LEAK_CANDIDATES);
    }

    /** The allocation site with the most samples, or {@code null} when no sample had an application frame. */
    @Override
    public Site pointsAt(EvidenceRole role) {
        List<AtSite> ranked = ranked();
        return ranked.isEmpty() ? null : ranked.get(0).site;
    }

    /**
     * The three allocation sites with the most samples: how many, of which types, how many bytes,
     * how old, and what holds them; or, when no sample has an allocation stack, how to get one.
     */
    @Override
    public List<Evidence> evidence(EvidenceRole role, Site site, SortedMap<String, String> labels) {
        List<Evidence> evidence = new ArrayList<>();
        for (AtSite at : ranked()) {
            if (evidence.size() == 3) {
                break;
            }
            StringBuilder detail = new StringBuilder();
            detail.append(at.samples).append(" of ").append(total)
                    .append(" sampled live objects were allocated here (").append(String.join(", ", at.types.ranked()))
                    .append(')');
            if (at.bytes > 0) {
                detail.append(", ").append(Values.forPeople(at.bytes / 1048576.0)).append(" MiB sampled");
            }
            detail.append(", the oldest ").append(at.oldest.toSeconds()).append(" s old");
            if (!at.pathToRoot.isEmpty()) {
                detail.append("; held by ").append(String.join(" <- ", at.pathToRoot));
                if (!at.root.isEmpty()) {
                    detail.append(" (root: ").append(at.root).append(')');
                }
            }
            evidence.add(new Evidence("leak-candidates", at.samples, List.of(), StackLines.of(at.stacks.top(Stack.EMPTY)),
                    detail.toString()));
        }
        if (evidence.isEmpty() && total > 0) {
            evidence.add(new Evidence("leak-candidates", total, List.of(), List.of(),
                    total + " sampled live objects, recorded without allocation stacks; enable "
                            + JfrEventNames.OLD_OBJECT_SAMPLE + "#stackTrace to see where they are allocated"));
        }
        return evidence;
    }

    long withoutStack() {
        return withoutStack;
    }
}
