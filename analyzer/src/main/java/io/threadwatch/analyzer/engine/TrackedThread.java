package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.EpochNanos;
import java.time.Instant;

/**
 * What the ledger knows of one live platform thread. Mutable, and owned by the engine's thread.
 */
final class TrackedThread {

    /** {@link #lastActivitySecond} of a thread never seen active (no {@code Instant} has it). */
    private static final long NEVER = Long.MIN_VALUE;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    final long id;
    String name;
    /** When it started, if the recording saw it start. */
    final Instant started;
    /** Where it was started: its creation site, if the recording saw it start and its creator's stack shows one. */
    final Site creationSite;
    /** Whether it runs application work (not a JVM or JDK service thread). */
    boolean application;
    /**
     * The last time it was seen doing something other than its current wait, as epoch second and
     * nanosecond ({@link #NEVER} if never): compared on every event the thread has, as fields of this
     * object rather than through a load of an older {@code Instant}.
     */
    private long lastActivitySecond = NEVER;
    private int lastActivityNano;
    /** Whether it did something since the previous dump that showed it waiting. */
    boolean activeSinceDump;
    /** The stack fingerprint of its wait in the latest dump that showed it waiting, or {@code null}. */
    String lastDumpWait;
    /** The first of the consecutive dumps that showed it in that wait, with no activity in between. */
    Instant lastDumpWaitSince;
    /** The frame and lock lines of that wait, as the dump printed them; empty when it was not waiting. */
    java.util.List<String> lastDumpLines = java.util.List.of();
    /** How many consecutive dumps showed it in that wait. */
    int lastDumpWaitDumps;
    /** Why the latest dump judged that wait as it did, or {@code null} when it was not judged. */
    WaitJudge.Reason lastDumpReason;
    /** The current wait as the latest dump showed it, when it may be stuck; {@code null} otherwise. */
    BlockedObservation blocked;
    /** Why the latest dump counted it as stuck, or {@code null} when it is not. */
    StuckThread stuck;
    /** Whether the latest dump put it in a deadlock cycle. */
    boolean deadlocked;

    TrackedThread(long id, String name, Instant started, Site creationSite, boolean application) {
        this.id = id;
        this.name = name;
        this.started = started;
        this.creationSite = creationSite;
        this.application = application;
        setLastActivity(started);
    }

    /** The thread did something: it is not continuously blocked since any earlier dump. */
    void active(Instant time) {
        active(EpochNanos.of(time));
    }

    /** As {@link #active(Instant)}, with the time in {@link EpochNanos}, as waits deliver it. */
    void active(long epochNanos) {
        long second = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        int nano = (int) Math.floorMod(epochNanos, NANOS_PER_SECOND);
        if (second > lastActivitySecond || second == lastActivitySecond && nano > lastActivityNano) {
            lastActivitySecond = second;
            lastActivityNano = nano;
        }
        activeSinceDump = true;
        blocked = null;
        stuck = null;
    }

    /** The last time it was seen doing something other than its current wait, or {@code null} if never. */
    Instant lastActivity() {
        return lastActivitySecond == NEVER ? null : Instant.ofEpochSecond(lastActivitySecond, lastActivityNano);
    }

    private void setLastActivity(Instant time) {
        lastActivitySecond = time == null ? NEVER : time.getEpochSecond();
        lastActivityNano = time == null ? 0 : time.getNano();
    }

    /**
     * Nothing was recorded for a while (a gap between chunks): what the thread did in between is
     * unknown, so no wait seen before is carried past it.
     */
    void forgetWaits() {
        setLastActivity(null);
        activeSinceDump = false;
        lastDumpWait = null;
        lastDumpWaitSince = null;
        lastDumpWaitDumps = 0;
        lastDumpLines = java.util.List.of();
        lastDumpReason = null;
        blocked = null;
        stuck = null;
    }

    /**
     * A wait seen in dumps that may be stuck: same state and stack since {@code firstSeen}, over
     * {@code dumps} consecutive dumps with no activity in between.
     *
     * @param state            {@code BLOCKED}, {@code WAITING}, {@code TIMED_WAITING} or {@code RUNNABLE}
     * @param stackFingerprint the fingerprint of its frames
     * @param site             where it waits
     * @param why              why the wait may be stuck rather than idle
     * @param firstSeen        the first dump that showed it there
     * @param dumps            how many consecutive dumps did
     */
    record BlockedObservation(String state, String stackFingerprint, Site site, WaitJudge.Reason why,
                              Instant firstSeen, int dumps) {
    }
}
