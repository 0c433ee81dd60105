package io.threadwatch.analyzer.source;

/**
 * The JFR event type names Threadwatch reads. The only place they are spelled.
 *
 * <p>JDK 9 and 10 (Oracle's JFR before it was open-sourced; JFR format 1.0) named the same events
 * {@code com.oracle.jdk.*} and their struct types {@code com.oracle.jfr.types.*}; JDK 11 renamed
 * them {@code jdk.*} and {@code jdk.types.*} and kept the fields. JMC reads such files by mapping
 * {@code com.oracle.jdk.X} to {@code jdk.X} ({@code JdkTypeIDsPreJdk11.translate}; the field renames
 * of its {@code SettingsTransformer} apply only to the JDK 7/8 ids), and its printout of a JDK
 * 9+181 recording ({@code printouts/9u0.jfr.txt}) shows {@code JavaMonitorWait},
 * {@code ActiveSetting} and {@code JVMInformation} with the JDK 11 field names, the latter
 * without {@code pid} (added later, absent fields read as 0). So {@link #canonical} maps the
 * names and nothing else.
 */
public final class JfrEventNames {

    public static final String THREAD_START = "jdk.ThreadStart";
    public static final String THREAD_END = "jdk.ThreadEnd";
    public static final String JAVA_THREAD_STATISTICS = "jdk.JavaThreadStatistics";
    public static final String THREAD_PARK = "jdk.ThreadPark";
    public static final String JAVA_MONITOR_ENTER = "jdk.JavaMonitorEnter";
    public static final String JAVA_MONITOR_WAIT = "jdk.JavaMonitorWait";
    public static final String THREAD_SLEEP = "jdk.ThreadSleep";
    public static final String SOCKET_READ = "jdk.SocketRead";
    public static final String THREAD_DUMP = "jdk.ThreadDump";
    public static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    public static final String CPU_INFORMATION = "jdk.CPUInformation";
    public static final String CONTAINER_CONFIGURATION = "jdk.ContainerConfiguration";
    public static final String JVM_INFORMATION = "jdk.JVMInformation";
    public static final String INT_FLAG = "jdk.IntFlag";
    public static final String ACTIVE_SETTING = "jdk.ActiveSetting";
    public static final String VIRTUAL_THREAD_START = "jdk.VirtualThreadStart";
    public static final String VIRTUAL_THREAD_END = "jdk.VirtualThreadEnd";
    public static final String VIRTUAL_THREAD_PINNED = "jdk.VirtualThreadPinned";
    public static final String VIRTUAL_THREAD_SUBMIT_FAILED = "jdk.VirtualThreadSubmitFailed";
    public static final String GARBAGE_COLLECTION = "jdk.GarbageCollection";
    public static final String GC_HEAP_SUMMARY = "jdk.GCHeapSummary";
    public static final String GC_CONFIGURATION = "jdk.GCConfiguration";
    public static final String GC_HEAP_CONFIGURATION = "jdk.GCHeapConfiguration";
    public static final String G1_GARBAGE_COLLECTION = "jdk.G1GarbageCollection";
    public static final String OLD_OBJECT_SAMPLE = "jdk.OldObjectSample";

    /** The prefix of JDK 9 and 10 event names, in place of {@code jdk.}. */
    private static final String JDK9_PREFIX = "com.oracle.jdk.";
    private static final String JDK11_PREFIX = "jdk.";

    private JfrEventNames() {
    }

    /**
     * The JDK 11+ name of an event type: {@code com.oracle.jdk.ThreadStart} (JDK 9 and 10) becomes
     * {@code jdk.ThreadStart}; any other name is returned as is.
     */
    public static String canonical(String name) {
        return name.startsWith(JDK9_PREFIX) ? JDK11_PREFIX + name.substring(JDK9_PREFIX.length()) : name;
    }

    /** The JDK 9 and 10 name of a {@code jdk.*} event type, e.g. {@code com.oracle.jdk.ThreadStart}. */
    public static String jdk9Name(String name) {
        return name.startsWith(JDK11_PREFIX) ? JDK9_PREFIX + name.substring(JDK11_PREFIX.length()) : name;
    }
}
