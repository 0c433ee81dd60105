package io.threadwatch.junit5.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One test as the guard sees it: the thread that runs it, the threads alive when it began (never
 * its own) and when it began.
 *
 * @param testThreadId the id of the thread that runs the test's callbacks and body
 * @param before       the ids of every thread alive when it began
 * @param began        when it began, for the pinned waits (whose events carry wall-clock time)
 */
public record TestWindow(long testThreadId, Set<Long> before, Instant began) {

    public TestWindow {
        before = Set.copyOf(before);
    }

    /** The window of a test beginning now on the calling thread. */
    @SuppressWarnings("deprecation") // Thread.getId(): threadId() is JDK 19+, and this compiles for 17.
    public static TestWindow open() {
        Set<Long> alive = new HashSet<>();
        for (Thread thread : LiveThreads.all()) {
            alive.add(thread.getId());
        }
        return new TestWindow(Thread.currentThread().getId(), alive, Instant.now());
    }

    /** The threads alive now that were not alive when the test began. */
    @SuppressWarnings("deprecation")
    public List<Thread> newThreads() {
        return LiveThreads.all().stream().filter(thread -> !before.contains(thread.getId())).toList();
    }
}
