package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.StackTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads each thread dump against the ledger: which threads are stuck (blocked with no timeout at
 * an application frame for longer than the stuck threshold) and which are deadlocked.
 *
 * <p>A thread that blocks forever emits no event (jfr-reference §0.1), so dumps are the only
 * evidence. When dumps come often enough, a thread is stuck once consecutive dumps have shown it
 * at the same stack, with no activity in between, for the threshold. When they do not (the JDK's
 * default settings dump only at chunk boundaries), the time since the thread was last seen doing
 * anything (starting, waking from a wait, running Java code) stands in, and the finding says it is
 * an estimate.
 */
final class DumpAnalysis {

    private static final String SOCKET_READ0 = "sun.nio.ch.SocketDispatcher.read0";
    private static final String TIMED_READ = "sun.nio.ch.NioSocketImpl.timedRead";
    private static final int STUCK_EVIDENCE_PER_SITE = 16;

    /** One deadlock cycle with the threads' sites and stacks. */
    record Deadlock(Site site, List<Member> members) {
        record Member(String threadName, Site site, String waitingFor, String heldBy, List<String> lines) {
        }
    }

    private final Sites sites;
    private final Duration stuckThreshold;
    private Instant previousDump;
    private final Map<Site, List<StuckThread>> lastStuckAt = new TreeMap<>();
    private List<Deadlock> deadlocks = List.of();
    private final Map<Site, Deadlock> lastDeadlockAt = new TreeMap<>();

    DumpAnalysis(Sites sites, Duration stuckThreshold) {
        this.sites = sites;
        this.stuckThreshold = stuckThreshold;
    }

    /** Updates the ledger's threads from one dump. */
    void analyze(ThreadDump dump, ThreadLedger ledger) {
        boolean sparse = previousDump == null
                || Duration.between(previousDump, dump.time()).compareTo(stuckThreshold) > 0;
        deadlocks = deadlocks(dump);
        Set<String> deadlocked = new HashSet<>();
        for (Deadlock deadlock : deadlocks) {
            for (Deadlock.Member member : deadlock.members()) {
                deadlocked.add(member.threadName());
            }
            lastDeadlockAt.put(deadlock.site(), deadlock);
        }
        Set<Long> listed = new HashSet<>();
        Map<Site, List<StuckThread>> stuckNow = new TreeMap<>();
        for (DumpedThread dumped : dump.threads()) {
            listed.add(dumped.threadId());
            TrackedThread thread = ledger.seenInDump(dumped);
            thread.deadlocked = deadlocked.contains(dumped.name());
            String state = blockedState(dumped);
            if (state == null) {
                thread.active(dump.time());
                continue;
            }
            Sites.Classified classified = sites.classify(dumped.frames());
            if (classified.idle() || !classified.hasSite() || thread.deadlocked) {
                thread.blocked = null;
                thread.stuck = null;
                continue;
            }
            String fingerprint = StackTable.fingerprint(dumped.frames());
            TrackedThread.BlockedObservation previous = thread.blocked;
            thread.blocked = previous != null && previous.state().equals(state)
                    && previous.stackFingerprint().equals(fingerprint)
                    ? new TrackedThread.BlockedObservation(state, fingerprint, previous.firstSeen(), previous.dumps() + 1)
                    : new TrackedThread.BlockedObservation(state, fingerprint, dump.time(), 1);
            Duration confirmed = Duration.between(thread.blocked.firstSeen(), dump.time());
            Duration estimated = sparse && thread.lastActivity != null
                    ? Duration.between(thread.lastActivity, dump.time()) : Duration.ZERO;
            Duration blockedFor = confirmed.compareTo(estimated) >= 0 ? confirmed : estimated;
            if (blockedFor.compareTo(stuckThreshold) < 0) {
                thread.stuck = null;
                continue;
            }
            thread.stuck = new StuckThread(thread.id, dumped.name(), classified.site(), state, blockedFor,
                    thread.blocked.dumps(), confirmed.compareTo(stuckThreshold) < 0, fingerprint, dumped.lines(),
                    dumped.blockedOn());
            stuckNow.computeIfAbsent(classified.site(), s -> new ArrayList<>()).add(thread.stuck);
        }
        if (!listed.isEmpty()) {
            ledger.keepOnly(listed);
        }
        for (Map.Entry<Site, List<StuckThread>> entry : stuckNow.entrySet()) {
            List<StuckThread> stuck = entry.getValue();
            lastStuckAt.put(entry.getKey(), List.copyOf(stuck.subList(0, Math.min(stuck.size(), STUCK_EVIDENCE_PER_SITE))));
        }
        previousDump = dump.time();
    }

    /** The deadlocks of the latest dump. */
    List<Deadlock> deadlocks() {
        return deadlocks;
    }

    /** The latest stuck threads seen at a site, for evidence; empty if none ever were. */
    List<StuckThread> lastStuckAt(Site site) {
        return lastStuckAt.getOrDefault(site, List.of());
    }

    /** The latest deadlock seen at a site, or {@code null}. */
    Deadlock lastDeadlockAt(Site site) {
        return lastDeadlockAt.get(site);
    }

    /**
     * The blocked state of a dumped thread, or {@code null} when it is running or waits with a
     * timeout: {@code BLOCKED}, untimed {@code WAITING}, or {@code RUNNABLE} in a socket read with
     * no SO_TIMEOUT (top frame {@code SocketDispatcher.read0}, not under {@code timedRead};
     * jfr-reference §5).
     */
    static String blockedState(DumpedThread thread) {
        String state = thread.stateName();
        if (state.equals("BLOCKED") || state.equals("WAITING")) {
            return state;
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
                Site site = thread == null ? null : sites.classify(thread.frames()).site();
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
