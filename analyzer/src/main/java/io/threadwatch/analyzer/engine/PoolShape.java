package io.threadwatch.analyzer.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the latest thread dump shows about the idle threads started at one site: do they wait on
 * one shared object (the queue of one pool, which may fill up over minutes and then stops), or each
 * on its own (a new pool, timer or connection per call, which is how executors and timers leak)?
 * Heap addresses move with GC, so objects are compared within one dump only. Threads busy in a
 * task are left out: each waits on what its task waits for (a future, a response of its own), so
 * a fixed pool whose requests are stuck would look like a pool per call.
 */
enum PoolShape {
    /** Not enough threads seen waiting on an object to tell. */
    UNKNOWN,
    /** Most of them wait on one or a few shared objects: the workers of one pool. */
    ONE_POOL,
    /** They wait on objects of their own: a pool (or timer) per call. */
    PER_CALL;

    /** Fewer waiting threads than this say nothing. */
    static final int MIN_THREADS = 3;

    /** The shape of threads waiting on these objects (one address per thread). */
    static PoolShape of(List<String> waitObjects) {
        if (waitObjects.size() < MIN_THREADS) {
            return UNKNOWN;
        }
        Map<String, Integer> byObject = new HashMap<>();
        int most = 0;
        for (String object : waitObjects) {
            most = Math.max(most, byObject.merge(object, 1, Integer::sum));
        }
        if (byObject.size() * 2 >= waitObjects.size() && byObject.size() >= MIN_THREADS) {
            return PER_CALL;
        }
        return most * 2 >= waitObjects.size() ? ONE_POOL : UNKNOWN;
    }
}
