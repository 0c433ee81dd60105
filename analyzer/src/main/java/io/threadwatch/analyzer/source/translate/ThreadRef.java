package io.threadwatch.analyzer.source.translate;

/**
 * A {@code java.lang.Thread} constant as the analysis needs it.
 *
 * @param javaThreadId the Java thread id, stable across the chunks of one JVM run; 0 for a thread
 *                     the JVM did not give one (a native thread attached for JFR)
 * @param javaName     the Java thread name, or the empty string
 * @param virtual      whether it is a virtual thread (JDK 21+ recordings)
 */
public record ThreadRef(long javaThreadId, String javaName, boolean virtual) {

    /** The Java thread id, or {@code -1} for no thread (JFR's "N/A"). */
    static long idOf(ThreadRef thread) {
        return thread == null ? -1 : thread.javaThreadId();
    }
}
