package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Stack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Live virtual threads (started, not yet ended), keyed by Java thread id, with where each was last
 * seen. JFR records nothing when a virtual thread parks, and its start event's stack is only
 * {@code VirtualThread.run} (jfr-reference §0.2-3), so the last stack any event recorded for it
 * (an execution sample, a sleep, a socket read, a pinned wait) is the best evidence of where it
 * waits. Memory grows with live virtual threads and sites.
 */
final class VirtualThreads {

    private static final int STACKS_PER_SITE = 8;

    /** A live virtual thread: where it was last seen, and its name's family (empty when unnamed). */
    private record Tracked(Site site, String family) {
    }

    private final Sites sites;
    private final Map<Long, Tracked> live = new HashMap<>();
    private final Families families = new Families();
    private final Map<Site, Long> liveBySite = new TreeMap<>();
    private final Map<Site, TopCounts<Stack>> lastStacks = new HashMap<>();
    private long started;

    VirtualThreads(Sites sites) {
        this.sites = sites;
    }

    void started(long threadId, String threadName) {
        started++;
        if (live.putIfAbsent(threadId, new Tracked(Site.UNSEEN, families.intern(NameFamily.of(threadName)))) == null) {
            liveBySite.merge(Site.UNSEEN, 1L, Long::sum);
        }
    }

    void ended(long threadId) {
        Tracked tracked = live.remove(threadId);
        if (tracked != null) {
            liveBySite.merge(tracked.site(), -1L, Long::sum);
        }
    }

    /** An event showed the thread at {@code stack}; if it is a live virtual thread, that is where it was last seen. */
    void seen(long threadId, Stack stack) {
        // Every blocking event comes here; most recordings have no virtual thread to look up.
        if (live.isEmpty()) {
            return;
        }
        Tracked tracked = live.get(threadId);
        if (tracked == null) {
            return;
        }
        Sites.Classified classified = sites.classify(stack);
        if (!classified.hasSite()) {
            return;
        }
        Site site = classified.site();
        lastStacks.computeIfAbsent(site, s -> new TopCounts<>(STACKS_PER_SITE)).add(stack);
        if (!site.equals(tracked.site())) {
            live.put(threadId, new Tracked(site, tracked.family()));
            liveBySite.merge(tracked.site(), -1L, Long::sum);
            liveBySite.merge(site, 1L, Long::sum);
        }
    }

    /** Whether any virtual thread start was seen. */
    boolean anyStarted() {
        return started > 0;
    }

    long startedTotal() {
        return started;
    }

    int liveCount() {
        return live.size();
    }

    /** Live virtual threads by where they were last seen, in site order; sites that emptied included. */
    Map<Site, Long> liveBySite() {
        return liveBySite;
    }

    long liveAt(Site site) {
        return liveBySite.getOrDefault(site, 0L);
    }

    /**
     * The name families of the live virtual threads last seen at a site, most numerous first, as
     * {@code family (count)}; unnamed threads as {@code (unnamed)}.
     */
    List<String> familiesAt(Site site) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Tracked tracked : live.values()) {
            if (tracked.site().equals(site)) {
                counts.merge(tracked.family().isEmpty() ? "(unnamed)" : tracked.family(), 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<String> described = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : sorted) {
            described.add(entry.getKey() + " (" + entry.getValue() + ")");
        }
        return described;
    }

    /** One string per family, shared by the threads of the family (thousands of live virtual threads). */
    private static final class Families {
        private final Map<String, String> byName = new HashMap<>();

        String intern(String family) {
            String known = byName.putIfAbsent(family, family);
            return known == null ? family : known;
        }
    }

    /** The stack most often seen last at a site. */
    Stack lastStackAt(Site site) {
        TopCounts<Stack> stacks = lastStacks.get(site);
        return stacks == null ? Stack.EMPTY : stacks.top(Stack.EMPTY);
    }
}
