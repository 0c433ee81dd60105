package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.ThreadEnded;
import io.threadwatch.analyzer.event.ThreadStarted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The live platform threads, keyed by Java thread id, with their creation sites, and per site the
 * counts the thread SLIs need. Ended threads are forgotten, so memory grows with live threads and
 * distinct sites only.
 */
final class ThreadLedger {

    /** Names of threads the JVM and JDK run for themselves (prefixes). */
    private static final List<String> SERVICE_THREAD_NAMES = List.of("Reference Handler", "Finalizer",
            "Signal Dispatcher", "Service Thread", "Monitor Deflation Thread", "C1 CompilerThread", "C2 CompilerThread",
            "Sweeper thread", "Common-Cleaner", "Notification Thread", "Attach Listener", "JFR ", "process reaper",
            "DestroyJavaVM", "Monitor Ctrl-Break", "RMI ", "JMX ", "VM ", "GC ", "G1 ", "Cleaner-", "FileSystemWatchService");

    /** Most creation stacks kept per site for evidence. */
    private static final int STACKS_PER_SITE = 8;

    /** What the ledger keeps per creation site. */
    static final class SiteThreads {
        final Site site;
        /** Live threads started here during the recording. */
        final Set<Long> live = new HashSet<>();
        long startedTotal;
        long startedInWindow;
        /** Creation stacks by how many threads they started. */
        final TopCounts<Stack> stacks = new TopCounts<>(STACKS_PER_SITE);

        SiteThreads(Site site) {
            this.site = site;
        }
    }

    private final Sites sites;
    private final Map<Long, TrackedThread> live = new HashMap<>();
    private final Map<Site, SiteThreads> bySite = new TreeMap<>();

    ThreadLedger(Sites sites) {
        this.sites = sites;
    }

    void started(ThreadStarted event) {
        Sites.Classified creator = sites.classify(event.creatorStack());
        Site site = creator.site();
        boolean application = site != null || !isServiceThread(event.threadName());
        TrackedThread thread = new TrackedThread(event.threadId(), event.threadName(), event.time(), site, application);
        live.put(event.threadId(), thread);
        if (site != null) {
            SiteThreads counts = bySite.computeIfAbsent(site, SiteThreads::new);
            counts.live.add(event.threadId());
            counts.startedTotal++;
            counts.startedInWindow++;
            counts.stacks.add(event.creatorStack());
        }
    }

    void ended(ThreadEnded event) {
        forget(event.threadId());
    }

    /** Something showed that the thread ran at {@code time}. */
    void active(long threadId, Instant time) {
        TrackedThread thread = live.get(threadId);
        if (thread != null) {
            thread.active(time);
        }
    }

    /** The thread of a dump, added to the ledger if the recording did not see it start. */
    TrackedThread seenInDump(DumpedThread dumped) {
        TrackedThread thread = live.get(dumped.threadId());
        if (thread == null) {
            Sites.Classified current = sites.classify(dumped.frames());
            boolean application = !isServiceThread(dumped.name()) && (current.hasSite() || !dumped.frames().isEmpty());
            thread = new TrackedThread(dumped.threadId(), dumped.name(), null, null, application);
            live.put(dumped.threadId(), thread);
        }
        thread.name = dumped.name();
        return thread;
    }

    /** A full dump lists every live platform thread: forget the ones it does not list. */
    void keepOnly(Set<Long> threadIds) {
        for (Long id : new ArrayList<>(live.keySet())) {
            if (!threadIds.contains(id)) {
                forget(id);
            }
        }
    }

    private void forget(long threadId) {
        TrackedThread thread = live.remove(threadId);
        if (thread != null && thread.creationSite != null) {
            bySite.get(thread.creationSite).live.remove(threadId);
        }
    }

    TrackedThread get(long threadId) {
        return live.get(threadId);
    }

    Collection<TrackedThread> live() {
        return live.values();
    }

    int liveCount() {
        return live.size();
    }

    long applicationCount() {
        return live.values().stream().filter(t -> t.application).count();
    }

    /** Creation sites in label order. */
    Collection<SiteThreads> sites() {
        return bySite.values();
    }

    SiteThreads site(Site site) {
        return bySite.get(site);
    }

    /** Starts the next window's start counts. */
    void resetWindowStarts() {
        for (SiteThreads counts : bySite.values()) {
            counts.startedInWindow = 0;
        }
    }

    /** Live threads started at {@code site}, oldest first. */
    List<TrackedThread> liveAt(Site site) {
        SiteThreads counts = bySite.get(site);
        if (counts == null) {
            return List.of();
        }
        List<TrackedThread> threads = new ArrayList<>();
        for (Long id : counts.live) {
            threads.add(live.get(id));
        }
        threads.sort(Comparator.comparing((TrackedThread t) -> t.started).thenComparingLong(t -> t.id));
        return threads;
    }

    static boolean isServiceThread(String name) {
        for (String prefix : SERVICE_THREAD_NAMES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
