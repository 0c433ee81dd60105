package io.threadwatch.samples.support;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The load generator of a sample, running in a child JVM.
 *
 * <p>Only the service may be in the recording: a load generator in the same JVM would add its
 * own threads, blocking and thread starts to it. The child uses the same {@code java} executable
 * and class path as this JVM but none of its options, so it has no JFR recording.
 */
public final class LoadGenerator implements AutoCloseable {

    private final Process process;

    private LoadGenerator(Process process) {
        this.process = process;
    }

    /**
     * Starts {@code mainClass} in a child JVM with the arguments {@code <port> <seconds>}.
     * Its standard output is discarded and its standard error goes to ours.
     */
    public static LoadGenerator start(Class<?> mainClass, int port, Duration duration) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = List.of(java,
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                mainClass.getName(), Integer.toString(port), Long.toString(duration.toSeconds()));
        Process process = new ProcessBuilder(command)
                .redirectOutput(Redirect.DISCARD)
                .redirectError(Redirect.INHERIT)
                .start();
        return new LoadGenerator(process);
    }

    /** Stops the child JVM. */
    @Override
    public void close() {
        process.destroy();
    }
}
