package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.rules.Catalog;

/**
 * Decides whether a waiting thread is idle (waiting for work, healthy however long) or may be
 * stuck or slowed (waiting for a result, a resource or a lock), from what the recording shows:
 *
 * <ul>
 *   <li>whether the stack has an application frame at all, and whether it sits inside one of the
 *       catalog's idle waits;</li>
 *   <li>where the wait sits in its thread's stack: the thread's own code (its loop, or a wait for
 *       its whole life such as a keep-alive thread or a {@code main} waiting for shutdown) or a
 *       task's, and how deep in the task's call chain;</li>
 *   <li>whether the thread keeps coming back to this wait (its loop), or has a loop elsewhere and
 *       is now stuck away from it;</li>
 *   <li>whether a timed wait in the thread's own code ended by its timeout (a poll that found nothing);</li>
 *   <li>whether it holds a lock other threads wait to enter, and whether more and more threads
 *       pile up at the same wait.</li>
 * </ul>
 *
 * Every decision carries its reason, so that the report can say why a thread was not reported.
 */
final class WaitJudge {

    /** Why a wait was judged the way it was. */
    enum Reason {
        NO_APPLICATION_FRAME(true, "no application frame: the JDK or a library waits on its own, with no line of the application's to point at"),
        NO_APPLICATION_FRAME_LOCK(true, "no application frame: the JDK or a library queues for a lock of its own, with no line of the application's to point at"),
        CATALOG(true, "an idle wait in the catalog"),
        OWN_LOOP(true, "the thread keeps coming back to this wait: its loop, waiting for work"),
        POLL_TIMED_OUT(true, "a timed wait in the thread's own code that ended by its timeout: a poll that found nothing"),
        THREAD_LIFETIME(true, "waits in the thread's own code (not inside a task or request), and no other thread piles up behind it"),
        OWN_QUEUE(true, "takes from a queue in the thread's own code: its loop, waiting for work"),
        TASK_OWN_WAIT(true, "the task's own code waits (no call chain below it), and no other thread piles up behind it"),
        MONITOR(false, "waits to enter a monitor"),
        NOT_KNOWN_IDLE(false, "a wait nothing shows to be idle: not a catalog wait, not a loop the thread keeps coming back to"),
        CALL_CHAIN(false, "waits inside a task's call chain (a request's work)"),
        HOLDS_CONTENDED_LOCK(false, "holds a lock that other threads wait to enter"),
        LEFT_ITS_LOOP(false, "its loop waits elsewhere, and it is away from it"),
        PILE_UP(false, "more and more threads pile up at this wait");

        final boolean idle;
        final String text;

        Reason(boolean idle, String text) {
            this.idle = idle;
            this.text = text;
        }
    }

    /**
     * A decision.
     *
     * @param reason  why
     * @param catalog the catalog entry it rests on, for {@link Reason#CATALOG}
     */
    record Verdict(Reason reason, Catalog.Entry catalog) {
        static final Verdict COUNTED = new Verdict(Reason.NOT_KNOWN_IDLE, null);
        /** The verdicts without a catalog entry, one per reason: the engine judges every blocking event. */
        private static final Verdict[] PLAIN = plain();

        private static Verdict[] plain() {
            Verdict[] plain = new Verdict[Reason.values().length];
            for (Reason reason : Reason.values()) {
                plain[reason.ordinal()] = reason == COUNTED.reason ? COUNTED : new Verdict(reason, null);
            }
            return plain;
        }

        /** The verdict for a reason that rests on no catalog entry. */
        static Verdict of(Reason reason) {
            return PLAIN[reason.ordinal()];
        }

        boolean idle() {
            return reason.idle;
        }

        /**
         * The report's decision: {@code idle} for a wait judged to be waiting for work,
         * {@code no-site} for one with no application frame, which is not judged at all (a
         * library's lock queue is not waiting for work, but there is nothing of the
         * application's to report).
         */
        String decision() {
            return reason == Reason.NO_APPLICATION_FRAME || reason == Reason.NO_APPLICATION_FRAME_LOCK ? "no-site" : "idle";
        }

        /** The reason in words, with the catalog's own reason when it rests on the catalog. */
        String text() {
            return catalog == null ? reason.text
                    : "catalog: " + catalog.match() + ", " + catalog.why()
                            + (catalog.source().equals("built-in") ? "" : " (" + catalog.source() + ")");
        }
    }

    /** What the other threads of the same dump say about this one. */
    interface DumpContext {
        /** How many other threads wait to enter a monitor or lock this thread holds. */
        int waitingForItsLocks(DumpedThread thread);

        /** Whether more and more threads have been waiting at this site, dump after dump. */
        boolean pilesUp(Site site);
    }

    private WaitJudge() {
    }

    /**
     * Not counted by the frames alone (a catalog idle wait, or no application frame), or
     * {@code null}.
     *
     * @param lock whether the thread queues to enter a monitor
     */
    private static Verdict byFrames(StackShape shape, boolean lock) {
        if (shape.catalogIdle() != null) {
            return new Verdict(Reason.CATALOG, shape.catalogIdle());
        }
        if (!shape.hasSite()) {
            return Verdict.of(lock ? Reason.NO_APPLICATION_FRAME_LOCK : Reason.NO_APPLICATION_FRAME);
        }
        return null;
    }

    /**
     * A blocking event (a wait that ended): whether to count it as blocking.
     *
     * @param repeat         whether the thread keeps coming back to this wait ({@link WaitHistory})
     * @param endedByTimeout whether a timed wait ended because its timeout expired
     */
    static Verdict event(StackShape shape, BlockingKind kind, boolean repeat, boolean endedByTimeout) {
        Verdict frames = byFrames(shape, kind == BlockingKind.MONITOR_ENTER);
        if (frames != null) {
            return frames;
        }
        if (kind == BlockingKind.MONITOR_ENTER) {
            // Queueing for a monitor is never waiting for work.
            return Verdict.of(Reason.MONITOR);
        }
        if (repeat) {
            return Verdict.of(Reason.OWN_LOOP);
        }
        if (shape.ownLoopTakesWork()) {
            return Verdict.of(Reason.OWN_QUEUE);
        }
        if (endedByTimeout && shape.position() == StackShape.Position.THREAD_ENTRY) {
            return Verdict.of(Reason.POLL_TIMED_OUT);
        }
        // A first wait in a thread's own code may be a thread-per-request's request: it counts
        // until the thread shows it comes back to it.
        return Verdict.COUNTED;
    }

    /**
     * Whether the thread waits directly in its entry method, the same method as the loop it showed,
     * at another line: it went on to a later statement, as a {@code main} does from connecting to N
     * backends or warming up (waits it repeats) to {@code server.join()} or
     * {@code closeFuture().sync()} for the rest of its life. A thread stuck away from its work loop
     * waits inside the work its loop called, below another method.
     */
    private static boolean movedOnInItsOwnMethod(StackShape shape, Site loopSite) {
        if (shape.position() != StackShape.Position.THREAD_ENTRY || shape.depth() != 1
                || loopSite.equals(shape.site())) {
            return false;
        }
        Frame loop = loopSite.frame();
        Frame here = shape.site().frame();
        return loop.className().equals(here.className()) && loop.methodName().equals(here.methodName());
    }

    /**
     * A thread a dump shows waiting: whether it may be stuck.
     *
     * @param loopSite the site of the wait the thread keeps coming back to, or {@code null}
     */
    static Verdict dumped(StackShape shape, DumpedThread thread, Site loopSite, DumpContext context) {
        Verdict frames = byFrames(shape, thread.stateName().equals("BLOCKED"));
        if (frames != null) {
            return frames;
        }
        if (context.waitingForItsLocks(thread) > 0) {
            return Verdict.of(Reason.HOLDS_CONTENDED_LOCK);
        }
        if (thread.stateName().equals("BLOCKED")) {
            return Verdict.of(Reason.MONITOR);
        }
        if (loopSite != null && !movedOnInItsOwnMethod(shape, loopSite)) {
            return Verdict.of(loopSite.equals(shape.site()) ? Reason.OWN_LOOP : Reason.LEFT_ITS_LOOP);
        }
        if (shape.inCallChain()) {
            return Verdict.of(Reason.CALL_CHAIN);
        }
        if (shape.ownLoopTakesWork()) {
            // Many consumers on one empty queue, or a second group started later, are idle: a pile-up
            // is threads arriving at a wait for a result (a silent peer), not for work.
            return Verdict.of(Reason.OWN_QUEUE);
        }
        if (context.pilesUp(shape.site())) {
            return Verdict.of(Reason.PILE_UP);
        }
        return Verdict.of(shape.position() == StackShape.Position.TASK ? Reason.TASK_OWN_WAIT : Reason.THREAD_LIFETIME);
    }
}
