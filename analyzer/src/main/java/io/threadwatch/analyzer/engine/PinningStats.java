package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Pinned;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.SubmitFailed;
import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.analyzer.result.Values;
import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.rules.EvidenceRole;
import io.threadwatch.rules.Sample;
import io.threadwatch.rules.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Virtual threads pinned to their carriers while blocking, and virtual threads the scheduler
 * refused, per application site: a window distribution of pinned durations, reset when the window
 * closes, and run totals with the stacks, reasons and operations for evidence. Every pinned wait
 * also goes into an unlabelled window total, whatever its stack: pinned waits with only JDK frames
 * (or no stack) have no site, and without the total a recording full of them showed no pinning
 * SLI at all, as if pinning had not been looked at.
 */
final class PinningStats implements SliProducer, EvidenceProducer {

    private static final int TOP = 8;

    /** What the run keeps per site for evidence. */
    static final class RunCell {
        final DurationCell total = new DurationCell();
        final TopCounts<Stack> stacks = new TopCounts<>(TOP);
        final TopCounts<String> reasons = new TopCounts<>(TOP);
        final TopCounts<String> operations = new TopCounts<>(TOP);
        long submitFailures;
        final TopCounts<String> messages = new TopCounts<>(TOP);
    }

    private final Sites sites;
    private final Map<Site, DurationCell> window = new TreeMap<>();
    private final DurationCell windowTotal = new DurationCell();
    private boolean pinningSeen;
    private final Map<Site, Long> failedInWindow = new TreeMap<>();
    private final Map<Site, RunCell> run = new TreeMap<>();

    PinningStats(Sites sites) {
        this.sites = sites;
    }

    /** Records a pinned wait at its application site; waits with no application frame are the JDK's own. */
    void record(Pinned event) {
        pinningSeen = true;
        windowTotal.record(event.durationNanos(), false);
        Sites.Classified classified = sites.classify(event.stack());
        if (!classified.hasSite()) {
            return;
        }
        Site site = classified.site();
        window.computeIfAbsent(site, s -> new DurationCell()).record(event.durationNanos(), false);
        RunCell cell = run.computeIfAbsent(site, s -> new RunCell());
        cell.stacks.add(event.stack());
        if (!event.reason().isEmpty()) {
            cell.reasons.add(event.reason());
        }
        if (!event.blockingOperation().isEmpty()) {
            cell.operations.add(event.blockingOperation());
        }
    }

    void record(SubmitFailed event) {
        Sites.Classified classified = sites.classify(event.stack());
        Site site = classified.hasSite() ? classified.site() : Site.UNSEEN;
        failedInWindow.merge(site, 1L, Long::sum);
        RunCell cell = run.computeIfAbsent(site, s -> new RunCell());
        cell.submitFailures++;
        cell.stacks.add(event.stack());
        cell.messages.add(event.message());
    }

    /** The window's pinning SLIs; then starts the next window. */
    @Override
    public List<Sample> closeWindow(Window closing) {
        List<Sample> samples = new ArrayList<>();
        if (pinningSeen) {
            samples.add(Sli.VTHREADS_PINNED_COUNT.sample(windowTotal.count));
            if (windowTotal.count > 0) {
                samples.add(Sli.VTHREADS_PINNED_P99.sample(windowTotal.p99Millis()));
            }
            windowTotal.reset();
        }
        for (Map.Entry<Site, DurationCell> entry : window.entrySet()) {
            DurationCell cell = entry.getValue();
            if (cell.count > 0) {
                String site = entry.getKey().label();
                samples.add(Sli.VTHREADS_PINNED_P99.sample(cell.p99Millis(), "site", site));
                samples.add(Sli.VTHREADS_PINNED_COUNT.sample(cell.count, "site", site));
                cell.addTo(run.get(entry.getKey()).total);
            }
            cell.reset();
        }
        failedInWindow.forEach((site, count) -> samples.add(Sli.VTHREADS_SUBMIT_FAILED.sample(count, "site", site.label())));
        failedInWindow.clear();
        return samples;
    }

    @Override
    public Set<EvidenceRole> roles() {
        return Set.of(EvidenceRole.PINNED_EVENTS, EvidenceRole.SUBMIT_FAILURES);
    }

    @Override
    public List<Evidence> evidence(EvidenceRole role, Site site, SortedMap<String, String> labels) {
        RunCell cell = site == null ? null : run.get(site);
        if (cell == null) {
            return List.of();
        }
        return role == EvidenceRole.SUBMIT_FAILURES ? submitFailures(cell) : pinnedEvents(cell);
    }

    /** The pinned waits at a site: how many, how long, why they pinned and what they blocked in. */
    private static List<Evidence> pinnedEvents(RunCell cell) {
        DurationCell total = cell.total;
        if (total.count == 0) {
            return List.of();
        }
        StringBuilder detail = new StringBuilder();
        detail.append(total.count).append(" pinned waits, p99 ").append(Values.forPeople(total.p99Millis()))
                .append(" ms, max ").append(Values.forPeople(total.maxMillis())).append(" ms, ")
                .append(Values.forPeople(total.totalNanos / 1e9)).append(" s in total");
        if (!cell.reasons.ranked().isEmpty()) {
            detail.append("; pinned because: ").append(String.join(" | ", cell.reasons.ranked()));
        }
        if (!cell.operations.ranked().isEmpty()) {
            detail.append("; blocked in: ").append(String.join(", ", cell.operations.ranked()));
        }
        return List.of(new Evidence("pinned-events", total.count, List.of(), StackLines.of(cell.stacks.top(Stack.EMPTY)),
                detail.toString()));
    }

    private static List<Evidence> submitFailures(RunCell cell) {
        if (cell.submitFailures == 0) {
            return List.of();
        }
        return List.of(new Evidence("submit-failures", cell.submitFailures, List.of(),
                StackLines.of(cell.stacks.top(Stack.EMPTY)),
                cell.submitFailures + " virtual threads refused; " + String.join(" | ", cell.messages.ranked())));
    }
}
