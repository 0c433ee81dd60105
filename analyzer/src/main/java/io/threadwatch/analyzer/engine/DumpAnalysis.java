package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.result.Confidence;
import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.rules.EvidenceRole;
import io.threadwatch.rules.Sample;
import io.threadwatch.rules.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads each thread dump against the ledger: which threads are stuck (waiting, at an application
 * frame, where {@link WaitJudge} finds no sign of an idle wait, for longer than the stuck
 * threshold) and which are deadlocked.
 *
 * <p>A thread that blocks forever emits no event (jfr-reference §0.1), so dumps are the only
 * evidence. When dumps come often enough, a thread is stuck once consecutive dumps have shown it
 * at the same stack, with no activity in between, for the threshold. When they do not (the JDK's
 * default settings dump only at chunk boundaries), the time since the thread was last seen doing
 * anything (starting, waking from a wait, running Java code) stands in, and the finding says it is
 * an estimate. A wait with a timeout is stuck only when dumps confirm it outlasted the threshold
 * and others wait at the same place. A recording shorter than the threshold can only make threads
 * that waited the whole time suspects ({@link #suspect}).
 */
final class DumpAnalysis implements SliProducer, EvidenceProducer {

    private static final String SOCKET_READ0 = "sun.nio.ch.SocketDispatcher.read0";
    private static final String TIMED_READ = "sun.nio.ch.NioSocketImpl.timedRead";
    private static final int STUCK_EVIDENCE_PER_SITE = 16;
    /** How the JDK names the common ForkJoinPool's workers (ForkJoinPool.DefaultCommonPoolForkJoinWorkerThreadFactory). */
    private static final String COMMON_POOL_WORKER = "ForkJoinPool.commonPool-worker-";
    /** Where a fork-join worker waits for work. */
    private static final String FORK_JOIN_AWAIT_WORK = "java.util.concurrent.ForkJoinPool.awaitWork";
    /** Frames of a wait for a fork-join or CompletableFuture task, which may sit in the common pool's queue. */
    private static final List<String> FORK_JOIN_RESULT_WAITS = List.of("java.util.concurrent.CompletableFuture.",
            "java.util.concurrent.ForkJoinTask.");
    /** Fewer threads waiting at one site are never a pile-up. */
    private static final int PILE_UP_MIN_THREADS = 3;

    /** One deadlock cycle with the threads' sites and stacks. */
    record Deadlock(Site site, List<Member> members) {
        record Member(String threadName, Site site, String waitingFor, String heldBy, List<String> lines) {
        }
    }

    /**
     * The latest stuck threads seen at a site (at most {@link #STUCK_EVIDENCE_PER_SITE}), and the
     * common pool's workers when that dump showed every one busy ({@code null} otherwise).
     */
    private record StuckAt(List<StuckThread> threads, String commonPoolBusy) {
        StuckAt {
            threads = List.copyOf(threads.subList(0, Math.min(threads.size(), STUCK_EVIDENCE_PER_SITE)));
        }
    }

    /** How many threads waited at a site over the dumps: the first count, the latest, and how often it rose. */
    private static final class Waiters {
        int first = -1;
        int latest;
        /** Dumps after the first that showed more threads here than the dump before. */
        int rises;
    }

    private final Sites sites;
    private final ThreadLedger ledger;
    private final Duration stuckThreshold;
    private final WaitHistory history;
    private final Explanations explanations;
    private Instant previousDump;
    private final Map<Site, StuckAt> lastStuckAt = new TreeMap<>();
    private List<Deadlock> deadlocks = List.of();
    private final Map<Site, Deadlock> lastDeadlockAt = new TreeMap<>();
    private final Map<Site, Waiters> waitersBySite = new HashMap<>();
    private long dumps;
    /**
     * The dumps' stacks, interned: a pool's idle workers show the same stack dump after dump, so
     * each distinct stack is fingerprinted and classified once rather than once per thread per dump.
     */
    private final StackTable dumpedStacks = new StackTable();

    DumpAnalysis(Sites sites, ThreadLedger ledger, Duration stuckThreshold, WaitHistory history,
            Explanations explanations) {
        this.sites = sites;
        this.ledger = ledger;
        this.stuckThreshold = stuckThreshold;
        this.history = history;
        this.explanations = explanations;
    }

    /** A thread the dump shows waiting, with its interned stack and that stack's shape. */
    private record Waiting(DumpedThread dumped, TrackedThread thread, String state, Stack stack, StackShape shape) {
    }

    /** Updates the ledger's threads from one dump. */
    void analyze(ThreadDump dump) {
        dumps++;
        boolean sparse = previousDump == null
                || Duration.between(previousDump, dump.time()).compareTo(stuckThreshold.dividedBy(2)) > 0;
        deadlocks = deadlocks(dump);
        Set<String> deadlocked = new HashSet<>();
        for (Deadlock deadlock : deadlocks) {
            for (Deadlock.Member member : deadlock.members()) {
                deadlocked.add(member.threadName());
            }
            lastDeadlockAt.put(deadlock.site(), deadlock);
        }
        Set<Long> listed = new HashSet<>();
        List<Waiting> waiting = new ArrayList<>();
        for (DumpedThread dumped : dump.threads()) {
            listed.add(dumped.threadId());
            TrackedThread thread = ledger.seenInDump(dumped);
            thread.deadlocked = deadlocked.contains(dumped.name());
            String state = blockedState(dumped);
            if (state == null) {
                thread.active(dump.time());
                thread.lastDumpWait = null;
                thread.lastDumpLines = List.of();
                thread.lastDumpReason = null;
                continue;
            }
            Stack stack = dumpedStacks.intern(dumped.frames(), false);
            waiting.add(new Waiting(dumped, thread, state, stack, sites.shape(stack)));
        }
        Context context = new Context(dump, waiting);
        Map<Site, List<StuckThread>> stuckNow = new TreeMap<>();
        for (Waiting wait : waiting) {
            StuckThread stuck = judge(wait, dump.time(), sparse, context);
            if (stuck != null) {
                stuckNow.computeIfAbsent(stuck.site(), s -> new ArrayList<>()).add(stuck);
            }
        }
        ledger.waitObjects(context.waitObjectsByCreationSite());
        if (!listed.isEmpty()) {
            ledger.keepOnly(listed);
        }
        String commonPoolBusy = stuckNow.isEmpty() ? null : commonPoolBusy(dump);
        for (Map.Entry<Site, List<StuckThread>> entry : stuckNow.entrySet()) {
            lastStuckAt.put(entry.getKey(), new StuckAt(entry.getValue(), commonPoolBusy));
        }
        previousDump = dump.time();
    }

    /** Judges one waiting thread; returns it as stuck, or {@code null}. */
    private StuckThread judge(Waiting wait, Instant now, boolean sparse, Context context) {
        TrackedThread thread = wait.thread();
        DumpedThread dumped = wait.dumped();
        // An empty stack's fingerprint is the hash of nothing, as it always was, not Stack.EMPTY's zeros.
        String fingerprint = wait.stack().isEmpty() ? StackTable.fingerprint(List.of()) : wait.stack().fingerprint();
        boolean sameWait = fingerprint.equals(thread.lastDumpWait);
        if (sameWait && thread.activeSinceDump && wait.shape().hasSite()
                && wait.shape().position() == StackShape.Position.THREAD_ENTRY) {
            // Back at the same wait in its own code as at the previous dump, after doing something:
            // its loop. A pool worker is back at the same call for every request, which says nothing.
            history.returnedTo(thread.id, wait.shape().site());
        }
        if (!sameWait || thread.activeSinceDump || thread.lastDumpWaitSince == null) {
            thread.lastDumpWaitSince = now;
            thread.lastDumpWaitDumps = 1;
        } else {
            thread.lastDumpWaitDumps++;
        }
        thread.lastDumpWait = fingerprint;
        thread.activeSinceDump = false;
        thread.lastDumpReason = null;
        if (thread.deadlocked) {
            thread.blocked = null;
            thread.stuck = null;
            return null;
        }
        WaitJudge.Verdict verdict = WaitJudge.dumped(wait.shape(), dumped, history.loopSite(thread.id), context);
        thread.lastDumpReason = verdict.reason();
        if (verdict.idle()) {
            Explanations.Entry entry = explanations.idle(verdict, wait.shape(), dumped.frames());
            if (entry != null) {
                entry.observed(thread.id, dumped.name());
            }
            thread.blocked = null;
            thread.stuck = null;
            return null;
        }
        Site site = wait.shape().site();
        TrackedThread.BlockedObservation previous = thread.blocked;
        thread.blocked = previous != null && previous.state().equals(wait.state())
                && previous.stackFingerprint().equals(fingerprint)
                ? new TrackedThread.BlockedObservation(wait.state(), fingerprint, site, verdict.reason(),
                        previous.firstSeen(), previous.dumps() + 1)
                // It may have waited there, judged idle, before the evidence turned (more threads piled
                // up behind it): it has been in this wait since the first dump that showed it there.
                : new TrackedThread.BlockedObservation(wait.state(), fingerprint, site, verdict.reason(),
                        thread.lastDumpWaitSince, thread.lastDumpWaitDumps);
        boolean timed = wait.state().equals("TIMED_WAITING");
        Duration confirmed = Duration.between(thread.blocked.firstSeen(), now);
        Duration estimated = sparse && thread.lastActivity() != null
                ? Duration.between(thread.lastActivity(), now) : Duration.ZERO;
        Duration blockedFor = confirmed.compareTo(estimated) >= 0 ? confirmed : estimated;
        // A wait with a timeout may end any moment (a short poll that never lasts past the event
        // threshold leaves no trace): it is stuck only with others waiting at the same place.
        if (blockedFor.compareTo(stuckThreshold) < 0 || timed && context.waitersAt(site) < 2) {
            thread.stuck = null;
            return null;
        }
        Confidence confidence = confirmed.compareTo(stuckThreshold) >= 0 ? Confidence.CONFIRMED : Confidence.ESTIMATED;
        thread.stuck = new StuckThread(thread.id, dumped.name(), site, wait.state(), blockedFor, thread.blocked.dumps(),
                confidence, verdict.reason(), fingerprint, dumped.lines(), dumped.blockedOn());
        return thread.stuck;
    }

    /**
     * At the end of a recording shorter than the stuck threshold: the threads the latest dump
     * showed waiting where a stuck thread would, with no activity for as long as the recording
     * watched them, become suspects when at least two wait at the same site. Nothing can confirm
     * them, but "no findings" would hide what the recording shows.
     *
     * @param observedFrom when the recording (or the watch) started
     */
    void suspect(Instant observedFrom, Instant end) {
        Map<Site, List<TrackedThread>> bySite = new TreeMap<>();
        for (TrackedThread thread : ledger.live()) {
            TrackedThread.BlockedObservation blocked = thread.blocked;
            if (blocked == null || thread.stuck != null || thread.deadlocked || blocked.state().equals("TIMED_WAITING")) {
                continue;
            }
            boolean waitedAllAlong = thread.lastActivity() == null || !thread.lastActivity().isAfter(blocked.firstSeen());
            if (waitedAllAlong) {
                bySite.computeIfAbsent(blocked.site(), s -> new ArrayList<>()).add(thread);
            }
        }
        for (Map.Entry<Site, List<TrackedThread>> entry : bySite.entrySet()) {
            if (entry.getValue().size() < 2) {
                continue;
            }
            List<StuckThread> suspects = new ArrayList<>();
            for (TrackedThread thread : entry.getValue()) {
                Instant since = thread.lastActivity() == null || thread.lastActivity().isBefore(observedFrom)
                        ? observedFrom : thread.lastActivity();
                TrackedThread.BlockedObservation blocked = thread.blocked;
                thread.stuck = new StuckThread(thread.id, thread.name, blocked.site(), blocked.state(),
                        Duration.between(since, end), blocked.dumps(), Confidence.SUSPECTED, blocked.why(),
                        blocked.stackFingerprint(), lastLines(thread), "");
                suspects.add(thread.stuck);
            }
            lastStuckAt.put(entry.getKey(), new StuckAt(suspects, null));
        }
    }

    /** The lines the latest dump printed for a thread it showed waiting. */
    private static List<String> lastLines(TrackedThread thread) {
        return thread.lastDumpLines;
    }

    /** How many dumps were read. */
    long dumps() {
        return dumps;
    }

    /** The deadlocks of the latest dump. */
    List<Deadlock> deadlocks() {
        return deadlocks;
    }

    /** The threads stuck now, by site and state, and the deadlocked ones of the latest dump, by site. */
    @Override
    public List<Sample> closeWindow(Window window) {
        List<Sample> samples = new ArrayList<>();
        Map<String, Integer> stuck = new TreeMap<>();
        for (TrackedThread thread : ledger.live()) {
            if (thread.stuck != null) {
                stuck.merge(thread.stuck.site().label() + "\n" + thread.stuck.state(), 1, Integer::sum);
            }
        }
        stuck.forEach((key, count) -> {
            String[] siteAndState = key.split("\n", 2);
            samples.add(Sli.THREADS_STUCK.sample(count, "site", siteAndState[0], "state", siteAndState[1]));
        });
        Map<String, Integer> deadlocked = new TreeMap<>();
        for (Deadlock deadlock : deadlocks) {
            deadlocked.merge(deadlock.site().label(), deadlock.members().size(), Integer::sum);
        }
        deadlocked.forEach((site, count) -> samples.add(Sli.THREADS_DEADLOCKED.sample(count, "site", site)));
        return samples;
    }

    /**
     * The common ForkJoinPool in this dump when all of its workers are busy, none waiting for work,
     * in words; {@code null} otherwise. Async tasks given no executor run there, so threads waiting
     * for their results wait behind whatever holds those few workers (one per core but one, by
     * default), however sound each task is.
     */
    private static String commonPoolBusy(ThreadDump dump) {
        int workers = 0;
        for (DumpedThread thread : dump.threads()) {
            if (thread.name().startsWith(COMMON_POOL_WORKER)) {
                for (Frame frame : thread.frames()) {
                    if (frame.method().equals(FORK_JOIN_AWAIT_WORK)) {
                        return null;
                    }
                }
                workers++;
            }
        }
        return workers == 0 ? null : "the common ForkJoinPool's " + workers + (workers == 1 ? " worker was" : " workers were")
                + " all busy in the latest of those dumps, none waiting for work: tasks given no executor queue behind them";
    }

    /** The latest stuck threads seen at a site, for evidence; empty if none ever were. */
    List<StuckThread> lastStuckAt(Site site) {
        StuckAt stuck = lastStuckAt.get(site);
        return stuck == null ? List.of() : stuck.threads();
    }

    @Override
    public Set<EvidenceRole> roles() {
        return Set.of(EvidenceRole.BLOCKED_STACKS, EvidenceRole.DEADLOCK_CYCLE);
    }

    @Override
    public List<Evidence> evidence(EvidenceRole role, Site site, SortedMap<String, String> labels) {
        if (site == null) {
            return List.of();
        }
        return role == EvidenceRole.DEADLOCK_CYCLE ? deadlockCycle(site) : blockedStacks(site);
    }

    /** The latest stuck threads at the site grouped by stack, the three largest groups, each with its longest wait. */
    private List<Evidence> blockedStacks(Site site) {
        StuckAt at = lastStuckAt.get(site);
        if (at == null) {
            return List.of();
        }
        Map<String, List<StuckThread>> byStack = new LinkedHashMap<>();
        for (StuckThread stuck : at.threads()) {
            byStack.computeIfAbsent(stuck.stackFingerprint(), k -> new ArrayList<>()).add(stuck);
        }
        List<Evidence> evidence = new ArrayList<>();
        byStack.values().stream()
                .sorted(Comparator.comparing((List<StuckThread> threads) -> -threads.size()))
                .limit(3)
                .forEach(threads -> {
                    StuckThread longest = threads.stream().max(Comparator.comparing(StuckThread::blockedFor)).orElseThrow();
                    String commonPool = at.commonPoolBusy();
                    boolean waitsForATask = longest.lines().stream()
                            .anyMatch(line -> FORK_JOIN_RESULT_WAITS.stream().anyMatch(line::contains));
                    evidence.add(new Evidence("blocked-stacks", threads.size(),
                            threads.stream().map(StuckThread::threadName).sorted().toList(), longest.lines(),
                            longest.describe() + (commonPool != null && waitsForATask ? "; " + commonPool : "")));
                });
        return evidence;
    }

    /** Each member of the latest deadlock at the site: what it waits for, who holds it, its stack. */
    private List<Evidence> deadlockCycle(Site site) {
        Deadlock deadlock = lastDeadlockAt.get(site);
        if (deadlock == null) {
            return List.of();
        }
        List<Evidence> evidence = new ArrayList<>();
        for (Deadlock.Member member : deadlock.members()) {
            evidence.add(new Evidence("deadlock-cycle", 1, List.of(member.threadName()), member.lines(),
                    member.threadName() + " " + member.waitingFor() + ", which is held by " + member.heldBy()));
        }
        return evidence;
    }

    /**
     * The blocked state of a dumped thread, or {@code null} when it is running or sleeping:
     * {@code BLOCKED}, {@code WAITING}, {@code TIMED_WAITING}, or {@code RUNNABLE} in a socket read
     * with no SO_TIMEOUT (top frame {@code SocketDispatcher.read0}, not under {@code timedRead};
     * jfr-reference §5).
     */
    static String blockedState(DumpedThread thread) {
        String state = thread.stateName();
        if (state.equals("BLOCKED") || state.equals("WAITING")) {
            return state;
        }
        if (state.equals("TIMED_WAITING")) {
            return thread.sleeping() ? null : state;
        }
        if (state.equals("RUNNABLE") && !thread.frames().isEmpty()
                && thread.frames().get(0).method().equals(SOCKET_READ0)) {
            for (Frame frame : thread.frames()) {
                if (frame.method().equals(TIMED_READ)) {
                    return null;
                }
            }
            return state;
        }
        return null;
    }

    /** What one dump's threads say about each other, and the sites' waiters over the dumps. */
    private final class Context implements WaitJudge.DumpContext {
        private final Map<String, Integer> waitingToLock = new HashMap<>();
        private final Map<Site, Integer> waitersNow = new HashMap<>();
        private final Map<Site, List<Instant>> waitingSince = new HashMap<>();
        private final Map<Site, List<String>> objectsByCreationSite = new HashMap<>();

        Context(ThreadDump dump, List<Waiting> waiting) {
            for (Waiting wait : waiting) {
                DumpedThread dumped = wait.dumped();
                wait.thread().lastDumpLines = dumped.lines();
                Site createdAt = wait.thread().creationSite;
                // A thread busy in a task waits on what the task waits for (its own future, its own
                // response): that tells nothing of its pool, whose idle threads wait in its own code.
                if (createdAt != null && !dumped.waitObject().isEmpty()
                        && wait.shape().position() != StackShape.Position.TASK) {
                    objectsByCreationSite.computeIfAbsent(createdAt, s -> new ArrayList<>()).add(dumped.waitObject());
                }
                if (dumped.stateName().equals("BLOCKED") && !dumped.waitObject().isEmpty()) {
                    waitingToLock.merge(dumped.waitObject(), 1, Integer::sum);
                }
                StackShape shape = wait.shape();
                // A thread that keeps coming back to this wait is looping through it, not piling up.
                if (shape.hasSite() && shape.catalogIdle() == null
                        && !shape.site().equals(history.loopSite(wait.thread().id))) {
                    waitersNow.merge(shape.site(), 1, Integer::sum);
                    Instant since = wait.thread().lastActivity();
                    if (since != null) {
                        waitingSince.computeIfAbsent(shape.site(), s -> new ArrayList<>()).add(since);
                    }
                }
            }
            for (Map.Entry<Site, Integer> entry : waitersNow.entrySet()) {
                Waiters waiters = waitersBySite.computeIfAbsent(entry.getKey(), s -> new Waiters());
                if (waiters.first < 0) {
                    waiters.first = entry.getValue();
                } else if (entry.getValue() > waiters.latest) {
                    waiters.rises++;
                }
            }
            for (Map.Entry<Site, Waiters> entry : waitersBySite.entrySet()) {
                entry.getValue().latest = waitersNow.getOrDefault(entry.getKey(), 0);
            }
        }

        @Override
        public int waitingForItsLocks(DumpedThread thread) {
            int waiting = 0;
            for (String address : thread.locked()) {
                waiting += waitingToLock.getOrDefault(address, 0);
            }
            return waiting;
        }

        /**
         * More and more threads at one site: more than the first dump that showed the site had
         * (by two at least), in rises at two dumps or more; or, within this dump, threads that
         * began waiting at {@value #PILE_UP_MIN_THREADS} different seconds at least, spread over at
         * least half the stuck threshold. One rise, or threads that arrived in one or two groups,
         * is a component or pool starting (a second cluster member, a pool started later), whose
         * idle workers all wait at the same place in their own loop.
         */
        @Override
        public boolean pilesUp(Site site) {
            int now = waitersNow.getOrDefault(site, 0);
            if (now < PILE_UP_MIN_THREADS) {
                return false;
            }
            Waiters waiters = waitersBySite.get(site);
            if (waiters != null && waiters.first >= 1 && now >= waiters.first + 2 && waiters.rises >= 2) {
                return true;
            }
            List<Instant> since = waitingSince.getOrDefault(site, List.of());
            if (since.size() < PILE_UP_MIN_THREADS
                    || since.stream().map(Instant::getEpochSecond).distinct().count() < PILE_UP_MIN_THREADS) {
                return false;
            }
            Instant earliest = since.stream().min(Instant::compareTo).orElseThrow();
            Instant latest = since.stream().max(Instant::compareTo).orElseThrow();
            return Duration.between(earliest, latest).compareTo(stuckThreshold.dividedBy(2)) >= 0;
        }

        int waitersAt(Site site) {
            return waitersNow.getOrDefault(site, 0);
        }

        /** The objects the waiting threads wait on, by the site that created them: the input of {@link PoolShape}. */
        Map<Site, List<String>> waitObjectsByCreationSite() {
            return objectsByCreationSite;
        }
    }

    private List<Deadlock> deadlocks(ThreadDump dump) {
        Map<String, DumpedThread> byName = new HashMap<>();
        for (DumpedThread thread : dump.threads()) {
            byName.putIfAbsent(thread.name(), thread);
        }
        List<Deadlock> found = new ArrayList<>();
        for (ThreadDump.DeadlockCycle cycle : dump.deadlocks()) {
            List<Deadlock.Member> members = new ArrayList<>();
            Site cycleSite = null;
            for (ThreadDump.DeadlockCycle.Member member : cycle.members()) {
                DumpedThread thread = byName.get(member.threadName());
                List<String> lines = thread == null ? List.of() : thread.lines();
                Site site = thread == null ? null : sites.shape(thread.frames()).site();
                members.add(new Deadlock.Member(member.threadName(), site, member.waitingFor(), member.heldBy(), lines));
                if (site != null && (cycleSite == null || site.compareTo(cycleSite) < 0)) {
                    cycleSite = site;
                }
            }
            if (cycleSite != null) {
                found.add(new Deadlock(cycleSite, members));
            }
        }
        return found;
    }
}
