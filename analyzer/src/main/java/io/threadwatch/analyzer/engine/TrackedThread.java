package io.threadwatch.analyzer.engine;

import java.time.Instant;

/**
 * What the ledger knows of one live platform thread. Mutable, and owned by the engine's thread.
 */
final class TrackedThread {

    final long id;
    String name;
    /** When it started, if the recording saw it start. */
    final Instant started;
    /** Where it was started, if the recording saw it start at an application site. */
    final Site creationSite;
    /** Whether it runs application work (not a JVM or JDK service thread). */
    boolean application;
    /** The last time it was seen doing something other than its current wait, if ever. */
    Instant lastActivity;
    /** The current wait as the latest dump showed it, or {@code null} when it was not blocked. */
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
        this.lastActivity = started;
    }

    /** The thread did something: it is not continuously blocked since any earlier dump. */
    void active(Instant time) {
        if (lastActivity == null || time.isAfter(lastActivity)) {
            lastActivity = time;
        }
        blocked = null;
        stuck = null;
    }

    /**
     * A blocked state seen in dumps: same state and stack since {@code firstSeen}, over
     * {@code dumps} consecutive dumps with no activity in between.
     */
    record BlockedObservation(String state, String stackFingerprint, Instant firstSeen, int dumps) {
    }
}
