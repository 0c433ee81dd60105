package io.threadwatch.junit5;

/** The guard's defaults and the names of its JUnit configuration parameters. */
public final class GuardDefaults {

    /** The grace period: long enough for a pool's {@code shutdown()} to end its workers on a busy 2-core box. */
    public static final long GRACE_MILLIS = 1_500;
    /** {@code true} or {@code false}; {@code true} unless set. */
    public static final String ENABLED = "threadwatch.guard.enabled";
    /** Milliseconds; see {@link ThreadwatchGuard#graceMillis()}. */
    public static final String GRACE = "threadwatch.guard.grace-millis";
    /** Comma-separated thread-name patterns; see {@link ThreadwatchGuard#allowThreads()}. */
    public static final String ALLOW_THREADS = "threadwatch.guard.allow-threads";
    /** Comma-separated creation-frame patterns; see {@link ThreadwatchGuard#allowSites()}. */
    public static final String ALLOW_SITES = "threadwatch.guard.allow-sites";
    /** Milliseconds; see {@link ThreadwatchGuard#pinnedMillis()}. */
    public static final String PINNED = "threadwatch.guard.pinned-millis";

    private GuardDefaults() {
    }
}
