package io.threadwatch.junit5.internal;

import io.threadwatch.analyzer.event.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** This JVM's live platform threads and their stacks, as the analyzer's frames. */
final class LiveThreads {

    private LiveThreads() {
    }

    /**
     * Every live platform thread, from the root thread group: cheaper than
     * {@code Thread.getAllStackTraces()}, which stops every thread to walk its stack.
     */
    static List<Thread> all() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count;
        while ((count = root.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        return Arrays.asList(Arrays.copyOf(threads, count));
    }

    /** Where {@code thread} is now, innermost frame first. */
    static List<Frame> stack(Thread thread) {
        List<Frame> frames = new ArrayList<>();
        for (StackTraceElement element : thread.getStackTrace()) {
            frames.add(new Frame(element.getClassName(), element.getMethodName(), element.getLineNumber()));
        }
        return frames;
    }
}
