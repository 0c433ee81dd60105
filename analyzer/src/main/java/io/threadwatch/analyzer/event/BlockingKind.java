package io.threadwatch.analyzer.event;

/** What a thread blocked on; the {@code kind} label of the blocking SLIs. */
public enum BlockingKind {
    /** {@code LockSupport.park}: every {@code java.util.concurrent} lock, queue and future. */
    PARK("park"),
    /** Waiting to enter a {@code synchronized} block or method. */
    MONITOR_ENTER("monitor-enter"),
    /** {@code Object.wait}, including {@code Thread.join} of a platform thread. */
    MONITOR_WAIT("monitor-wait"),
    /** {@code Thread.sleep}: deliberate, so no rule treats it as a problem by default. */
    SLEEP("sleep"),
    /** A blocking read from a socket. */
    SOCKET_READ("socket-read");

    private final String label;

    BlockingKind(String label) {
        this.label = label;
    }

    /** The label value used in SLIs and reports. */
    public String label() {
        return label;
    }
}
