package io.threadwatch.recorder.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Full thread dumps through the JVM's DiagnosticCommand MBean, the same commands {@code jcmd}
 * runs: {@code Thread.dump_to_file -format=json} on JDK 21+, which lists virtual threads too, and
 * {@code Thread.print -l} (the classic text dump, platform threads only) on 17 or when the JVM is
 * remote, since a remote JVM would write the JSON file on its own disk.
 */
public final class ThreadDumps {

    private static final ObjectName DIAGNOSTIC_COMMAND = objectName("com.sun.management:type=DiagnosticCommand");
    private static final String[] STRING_ARRAY = {String[].class.getName()};

    private final MBeanServerConnection connection;
    private final boolean json;

    /**
     * @param connection the JVM's MBean server ({@code ManagementFactory.getPlatformMBeanServer()} here)
     * @param local      whether that JVM is this one, so that it writes files where we read them
     */
    public ThreadDumps(MBeanServerConnection connection, boolean local) {
        this.connection = connection;
        this.json = local && Runtime.version().feature() >= 21;
    }

    /** The extension of the dumps written: {@code json} or {@code txt}. */
    public String extension() {
        return json ? "json" : "txt";
    }

    /** Writes a full thread dump to {@code file}, which must not exist. */
    public void write(Path file) throws IOException {
        try {
            if (json) {
                connection.invoke(DIAGNOSTIC_COMMAND, "threadDumpToFile",
                        new Object[] {new String[] {"-format=json", file.toAbsolutePath().toString()}}, STRING_ARRAY);
            } else {
                Object text = connection.invoke(DIAGNOSTIC_COMMAND, "threadPrint",
                        new Object[] {new String[] {"-l"}}, STRING_ARRAY);
                Files.writeString(file, String.valueOf(text), StandardCharsets.UTF_8);
            }
        } catch (JMException e) {
            throw new IOException("the JVM refused a thread dump: " + e, e);
        }
        if (!Files.exists(file)) {
            throw new IOException("the JVM wrote no thread dump to " + file);
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
