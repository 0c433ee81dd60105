package io.threadwatch.junit5.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * What the leaking examples leave behind on purpose, so that the test that ran them can clean up
 * after asserting the guard saw it: the surefire JVM stays free of their threads.
 */
public final class Leftovers {

    private static final List<Runnable> CLEANUPS = new ArrayList<>();

    private Leftovers() {
    }

    /** Remembers how to undo a leak. */
    public static synchronized void add(Runnable cleanup) {
        CLEANUPS.add(cleanup);
    }

    /** Undoes every leak so far. */
    public static synchronized void cleanUp() {
        CLEANUPS.forEach(Runnable::run);
        CLEANUPS.clear();
    }
}
