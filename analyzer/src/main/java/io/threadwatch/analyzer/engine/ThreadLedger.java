package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.EpochNanos;
import io.threadwatch.analyzer.event.Frame;
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
 *
 * <p>A thread's creation site is the first application frame of the stack that started it. When
 * that stack has none (the JDK's {@code HttpServer} handing requests to a cached pool, a library
 * starting its event loop lazily), the thread is still tracked: under the first frame outside the
 * JDK's thread and executor machinery, and its name's family (see {@link #familySite}).
 */
final class ThreadLedger {

    /** Most creation stacks kept per site for evidence. */
    private static final int STACKS_PER_SITE = 8;
    /** The JDK's own machinery for starting threads: never the best frame of a creation stack. */
    private static final List<String> THREAD_MACHINERY = List.of("java.lang.Thread", "java.lang.System$",
            "java.lang.ThreadBuilders", "java.util.concurrent.", "java.util.Timer", "jdk.internal.");

    /** What the ledger keeps per creation site. */
    static final class SiteThreads {
        final Site site;
        /** Whether the site is an application frame (else the best frame of stacks without one). */
        final boolean application;
        /** Live threads started here during the recording. */
        final Set<Long> live = new HashSet<>();
        long startedTotal;
        long startedInWindow;
        /** Creation stacks by how many threads they started. */
        final TopCounts<Stack> stacks = new TopCounts<>(STACKS_PER_SITE);
        /** What the latest dump showed of its idle threads. */
        PoolShape poolShape = PoolShape.UNKNOWN;

        SiteThreads(Site site, boolean application) {
            this.site = site;
            this.application = application;
        }
    }

    private final Sites sites;
    private final WaitHistory history;
    private final Map<Long, TrackedThread> live = new HashMap<>();
    /** The same threads by id for the per-event lookups, unboxed; {@link #live} keeps the order callers iterate in. */
    private final LongMap<TrackedThread> byId = new LongMap<>();
    private final Map<Site, SiteThreads> bySite = new TreeMap<>();

    ThreadLedger(Sites sites, WaitHistory history) {
        this.sites = sites;
        this.history = history;
    }

    void started(ThreadStarted event) {
        StackShape creator = sites.shape(event.creatorStack());
        boolean service = sites.classifier().serviceThread(event.threadName()).isPresent();
        Site site = creator.site();
        boolean application = site != null;
        boolean sibling = false;
        if (site == null && !service) {
            String family = NameFamily.of(event.threadName());
            site = siblingSite(event.parentThreadId(), family);
            sibling = site != null;
            if (site == null) {
                site = familySite(event.creatorStack().frames(), family);
            }
        }
        TrackedThread thread = new TrackedThread(event.threadId(), event.threadName(), event.time(), site,
                !service);
        live.put(event.threadId(), thread);
        byId.put(event.threadId(), thread);
        if (site != null) {
            SiteThreads counts = bySite.computeIfAbsent(site, s -> new SiteThreads(s, application));
            counts.live.add(event.threadId());
            counts.startedTotal++;
            counts.startedInWindow++;
            if (!sibling) {
                // The evidence shows where the application made the pool, not how it grew inside.
                counts.stacks.add(event.creatorStack());
            }
        }
    }

    /**
     * The creation site of the thread that started this one, when that thread is of the same name
     * family and the start came from no application code: a pool growing from inside, such as a
     * scheduled pool's first worker starting the second when it re-queues a periodic task
     * ({@code ensurePrestart}). Those threads belong to the pool the application made; under their
     * own JDK frame they split one leak into two findings, one at a JDK line. {@code null} when
     * the parent is not tracked, has no site, or is of another family (a library's dispatcher
     * starting its workers keeps the workers' own family site).
     */
    private Site siblingSite(long parentThreadId, String family) {
        TrackedThread parent = byId.get(parentThreadId);
        return parent != null && parent.creationSite != null && NameFamily.of(parent.name).equals(family)
                ? parent.creationSite : null;
    }

    /**
     * The site of threads started with no application frame in the creator's stack: the first
     * frame outside the JDK's thread machinery (or the top frame), labelled with the thread name's
     * {@code family}, e.g. {@code sun.net.httpserver.ServerImpl$Dispatcher.handle(ServerImpl.java:720) [quote-handler-#]};
     * {@code null} when the stack is empty (a thread the JVM attached).
     */
    private Site familySite(List<Frame> frames, String family) {
        if (frames.isEmpty()) {
            return null;
        }
        Frame best = frames.get(0);
        for (Frame frame : frames) {
            if (!isThreadMachinery(frame)) {
                best = frame;
                break;
            }
        }
        return sites.familySite(best, family);
    }

    private static boolean isThreadMachinery(Frame frame) {
        for (String prefix : THREAD_MACHINERY) {
            if (frame.className().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    void ended(ThreadEnded event) {
        forget(event.threadId());
    }

    /** Something showed that the thread ran at {@code time}. */
    void active(long threadId, Instant time) {
        active(threadId, EpochNanos.of(time));
    }

    /** As {@link #active(long, Instant)}, with the time in {@link EpochNanos}, as waits deliver it. */
    void active(long threadId, long epochNanos) {
        TrackedThread thread = byId.get(threadId);
        if (thread != null) {
            thread.active(epochNanos);
        }
    }

    /** The thread of a dump, added to the ledger if the recording did not see it start. */
    TrackedThread seenInDump(DumpedThread dumped) {
        TrackedThread thread = byId.get(dumped.threadId());
        if (thread == null) {
            boolean service = sites.classifier().serviceThread(dumped.name()).isPresent();
            thread = new TrackedThread(dumped.threadId(), dumped.name(), null, null, !service && !dumped.frames().isEmpty());
            live.put(dumped.threadId(), thread);
            byId.put(dumped.threadId(), thread);
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
        history.forget(threadId);
        byId.remove(threadId);
        TrackedThread thread = live.remove(threadId);
        if (thread != null && thread.creationSite != null) {
            bySite.get(thread.creationSite).live.remove(threadId);
        }
    }

    TrackedThread get(long threadId) {
        return byId.get(threadId);
    }

    Collection<TrackedThread> live() {
        return live.values();
    }

    int liveCount() {
        return live.size();
    }

    long applicationCount() {
        long count = 0;
        for (TrackedThread thread : live.values()) {
            if (thread.application) {
                count++;
            }
        }
        return count;
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

    /**
     * Records what a dump showed of each site's waiting threads: the objects they wait on (one
     * address per thread), for the sites' {@link PoolShape}.
     */
    void waitObjects(Map<Site, List<String>> bySiteObjects) {
        for (Map.Entry<Site, List<String>> entry : bySiteObjects.entrySet()) {
            SiteThreads counts = bySite.get(entry.getKey());
            PoolShape shape = PoolShape.of(entry.getValue());
            if (counts != null && shape != PoolShape.UNKNOWN) {
                counts.poolShape = shape;
            }
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
        threads.sort(Comparator.comparing((TrackedThread t) -> t.started, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(t -> t.id));
        return threads;
    }

    /** The name families of the live threads started at {@code site}, most numerous first, as {@code family (count)}. */
    List<String> familiesAt(Site site) {
        Map<String, Integer> families = new TreeMap<>();
        for (TrackedThread thread : liveAt(site)) {
            families.merge(NameFamily.of(thread.name), 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(families.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<String> described = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : sorted) {
            described.add(entry.getKey() + " (" + entry.getValue() + ")");
        }
        return described;
    }
}
