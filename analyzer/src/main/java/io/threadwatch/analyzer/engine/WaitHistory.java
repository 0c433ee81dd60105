package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Stack;
import java.time.Duration;

/**
 * What each thread's ended waits show about its loop: the waits it keeps coming back to. A thread
 * that returns to the same wait again and again (a consumer on {@code take()}, a dispatcher waiting
 * for events, an exporter polling its queue) is waiting for work there, and that wait is its
 * <em>loop site</em>. Memory: a few stacks per live thread; a thread is forgotten when it ends.
 */
final class WaitHistory {

    /** Distinct recent waits remembered per thread. */
    private static final int RECENT = 3;
    /** At most this many threads are remembered (a live watch may see millions come and go). */
    private static final int MAX_THREADS = 65_536;
    /**
     * Two waits are back to back when the second began within this share of the first's length
     * after it ended (at least {@link #MIN_GAP}): the thread did nothing in between but loop.
     */
    private static final double BACK_TO_BACK_SHARE = 0.01;
    private static final Duration MIN_GAP = Duration.ofMillis(1);
    private static final long NEVER = Long.MIN_VALUE;

    /** One thread's recent waits. */
    private static final class Waits {
        final Stack[] recent = new Stack[RECENT];
        /** When the last wait ended, in epoch nanoseconds; {@link #NEVER} before the first. */
        long lastEnd = NEVER;
        long lastDurationNanos;
        Site loopSite;
        Stack loopStack;
    }

    private final LongMap<Waits> byThread = new LongMap<>();

    /**
     * A wait of this thread ended. Returns whether it repeats a wait the thread keeps coming back
     * to: in the thread's own code any return to one of its recent waits, or to the loop it showed
     * before, counts; in a task only a wait that began right where
     * the same wait ended (a task that loops without leaving its wait), since a request's worker
     * also comes back to the same call for every request.
     */
    boolean ended(long threadId, Stack stack, StackShape shape, long endEpochNanos, long durationNanos) {
        Waits waits = byThread.get(threadId);
        if (waits == null) {
            if (byThread.size() >= MAX_THREADS) {
                byThread.clear();
            }
            waits = new Waits();
            byThread.put(threadId, waits);
        }
        boolean repeat = false;
        if (shape.hasSite() && shape.position() == StackShape.Position.THREAD_ENTRY) {
            // Its loop, once shown, stays its loop: the work between two returns may wait in more
            // places than the recent waits hold, and the return would otherwise count as blocking.
            repeat = contains(waits.recent, stack) || same(waits.loopStack, stack);
        } else if (shape.hasSite() && shape.position() == StackShape.Position.TASK && shape.depth() == 1) {
            repeat = same(waits.recent[0], stack) && backToBack(waits, endEpochNanos - durationNanos);
        }
        if (repeat) {
            waits.loopSite = shape.site();
            waits.loopStack = stack;
        }
        remember(waits.recent, stack);
        waits.lastEnd = endEpochNanos;
        waits.lastDurationNanos = durationNanos;
        return repeat;
    }

    /** A dump showed the thread back at the same wait it was in at the previous dump, after doing something. */
    void returnedTo(long threadId, Site site) {
        Waits waits = byThread.get(threadId);
        if (waits == null) {
            waits = new Waits();
            byThread.put(threadId, waits);
        }
        waits.loopSite = site;
    }

    /** The site of the wait this thread keeps coming back to, or {@code null}. */
    Site loopSite(long threadId) {
        Waits waits = byThread.get(threadId);
        return waits == null ? null : waits.loopSite;
    }

    void forget(long threadId) {
        byThread.remove(threadId);
    }

    private static boolean backToBack(Waits waits, long startEpochNanos) {
        if (waits.lastEnd == NEVER) {
            return false;
        }
        long allowed = Math.max(MIN_GAP.toNanos(), (long) (waits.lastDurationNanos * BACK_TO_BACK_SHARE));
        long gap = startEpochNanos - waits.lastEnd;
        return gap <= allowed;
    }

    private static boolean contains(Stack[] recent, Stack stack) {
        for (Stack seen : recent) {
            if (same(seen, stack)) {
                return true;
            }
        }
        return false;
    }

    /** Stacks are interned, but the table may start again in a long run: fall back to the fingerprint. */
    private static boolean same(Stack a, Stack b) {
        return a == b || a != null && a.fingerprint().equals(b.fingerprint());
    }

    private static void remember(Stack[] recent, Stack stack) {
        if (same(recent[0], stack)) {
            return;
        }
        int at = recent.length - 1;
        for (int i = 0; i < recent.length; i++) {
            if (same(recent[i], stack)) {
                at = i;
                break;
            }
        }
        System.arraycopy(recent, 0, recent, 1, at);
        recent[0] = stack;
    }
}
