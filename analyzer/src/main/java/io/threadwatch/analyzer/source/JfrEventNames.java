package io.threadwatch.analyzer.source;

/** The JFR event type names Threadwatch reads. The only place they are spelled. */
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

    private JfrEventNames() {
    }
}
