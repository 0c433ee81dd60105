package io.threadwatch.recorder;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.MBeanServerConnection;

/**
 * The one way into continuous mode.
 *
 * <pre>{@code
 * Watch watch = Threadwatch.start(WatchOptions.defaults().withEvidence(Path.of("threadwatch"), 256L << 20));
 * watch.metrics().bindTo(meterRegistry);   // SLIs as threadwatch.* meters
 * ...
 * watch.close();                          // or let the JVM exit: every thread is a daemon
 * }</pre>
 *
 * <p>{@link #start} watches this JVM; a JVM has at most one such watch, so starting again returns
 * the running one (its options unchanged), and a closed watch may be started anew.
 * {@link #watchRemote} watches another JVM over JMX and may run any number of times.
 */
public final class Threadwatch {

    private static final Object LIFECYCLE = new Object();
    private static Watch current;

    private Threadwatch() {
    }

    /**
     * Starts watching this JVM, or returns the watch already running.
     *
     * @throws IOException when an output (JSON Lines file, Prometheus port) cannot be opened
     */
    public static Watch start(WatchOptions options) throws IOException {
        synchronized (LIFECYCLE) {
            if (current == null) {
                current = Watch.local(options, ManagementFactory.getPlatformMBeanServer());
            }
            return current;
        }
    }

    /** The watch running in this JVM, if any. */
    public static Optional<Watch> current() {
        synchronized (LIFECYCLE) {
            return Optional.ofNullable(current);
        }
    }

    /**
     * Watches another JVM through a JMX connection to it ({@code RemoteRecordingStream}); the
     * caller closes the watch, then the connection.
     */
    public static Watch watchRemote(MBeanServerConnection connection, WatchOptions options) throws IOException {
        return Watch.remote(options, connection);
    }

    /** A watch closed: this JVM may be watched anew. */
    static void stopped(Watch watch) {
        synchronized (LIFECYCLE) {
            if (current == watch) {
                current = null;
            }
        }
    }
}
