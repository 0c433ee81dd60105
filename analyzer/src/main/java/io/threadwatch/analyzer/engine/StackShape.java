package io.threadwatch.analyzer.engine;

import io.threadwatch.rules.Catalog;

/**
 * What the frames of a waiting stack alone say about the wait: where the application is in it, and
 * where the wait sits in its thread's life. The rest of the decision (does the thread come back to
 * this wait, do others pile up behind it, does it hold a lock others want) needs the thread's
 * history and the other threads, and is made by {@link WaitJudge}.
 *
 * @param site        the first application frame, or {@code null} when there is none
 * @param position    where the wait sits in its thread's stack
 * @param depth       application frames from the site down to the outermost one, both included
 *                    (1: the outermost application code waits itself; more: a call chain)
 * @param catalogIdle the catalog's idle wait the stack is inside of (above its site), or {@code null}
 * @param takesFromQueue whether it waits in a JDK blocking queue's {@code take} or {@code poll}, above its site
 */
record StackShape(Site site, Position position, int depth, Catalog.Entry catalogIdle, boolean takesFromQueue) {

    /** A stack with no frames at all. */
    static final StackShape EMPTY = new StackShape(null, Position.NO_APPLICATION_FRAME, 0, null, false);

    /** Where a wait sits in its thread's stack. */
    enum Position {
        /** No application frame: the JDK or a library waits for its own work. */
        NO_APPLICATION_FRAME,
        /**
         * The thread's own code, entered from the thread's root ({@code Thread.run}) or from
         * {@code main}: a thread's own loop, or a wait for its whole life (a keep-alive thread, a
         * {@code main} that waits for shutdown).
         */
        THREAD_ENTRY,
        /**
         * Code run as a task by something else below it (an executor's worker, a framework's
         * dispatcher, a timer): a request's work.
         */
        TASK
    }

    boolean hasSite() {
        return site != null;
    }

    /**
     * The thread's own code taking from a queue: a consumer's loop waiting for work, however many
     * threads wait there and however long (a borrow from a pool inside a request is a task's wait,
     * and is not this).
     */
    boolean ownLoopTakesWork() {
        return takesFromQueue && position == Position.THREAD_ENTRY;
    }

    /** A task whose wait is more than one application frame deep: inside a request's call chain. */
    boolean inCallChain() {
        return position == Position.TASK && depth >= 2;
    }
}
