package io.threadwatch.recorder.safety;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a constructor has opened so far, to be closed in reverse order if a later step fails: a
 * watch that cannot start must leave no port bound, no thread running and no file open.
 */
public final class Opened {

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    /** Notes {@code resource} as open; returns it. */
    public <T extends AutoCloseable> T add(T resource) {
        opened.push(resource);
        return resource;
    }

    /**
     * Closes everything noted, newest first. A failure to close one is added to {@code cause} as
     * suppressed and the others are still closed.
     */
    public void closeAll(Throwable cause) {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception | LinkageError e) {
                cause.addSuppressed(e);
            }
        }
    }
}
