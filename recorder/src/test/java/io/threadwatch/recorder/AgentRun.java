package io.threadwatch.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a sample app in its own JVM (the running JDK) with the agent jar built by {@code package}:
 * the way a user runs it. A failing run's output directory is kept under {@code target/}.
 */
final class AgentRun {

    private final Path directory;
    private final Process process;
    private final String name;
    private final int seconds;

    private AgentRun(Path directory, Process process, String name, int seconds) {
        this.directory = directory;
        this.process = process;
        this.name = name;
        this.seconds = seconds;
    }

    private static Path agentCopy;

    /**
     * The agent jar under test, copied once per test JVM: a JVM loads classes from the jar lazily,
     * so a rebuild of target/ during a run must not swap the jar under a running app (as it would
     * not in production).
     */
    static synchronized Path agentJar() {
        if (agentCopy == null) {
            Path jar = Path.of(System.getProperty("threadwatch.agent", "target/threadwatch-agent.jar"));
            assertThat(jar).as("the agent jar; build it with mvn package").isRegularFile();
            try {
                Path copy = Files.createTempDirectory("threadwatch-agent").resolve("threadwatch-agent.jar");
                Files.copy(jar, copy);
                copy.toFile().deleteOnExit();
                copy.getParent().toFile().deleteOnExit();
                agentCopy = copy;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return agentCopy;
    }

    /** The class path of the sample apps (both modules when present). */
    static String samplesClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("samples")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * Starts {@code mainClass} for {@code seconds} with {@code -javaagent:<jar>=<agentOptions>}, the
     * agent's output directory set to {@code directory/threadwatch}.
     */
    static AgentRun start(Path directory, String name, String classPath, String mainClass, List<String> jvmArgs,
                          String agentOptions, int seconds) throws IOException {
        return start(directory, name, classPath, mainClass, jvmArgs, agentOptions, seconds, List.of());
    }

    /** As above, with more arguments for the app after {@code --duration <seconds>}. */
    static AgentRun start(Path directory, String name, String classPath, String mainClass, List<String> jvmArgs,
                          String agentOptions, int seconds, List<String> appArgs) throws IOException {
        String options = "output=" + directory.resolve("threadwatch")
                + (agentOptions.isEmpty() ? "" : "," + agentOptions);
        List<String> withAgent = new ArrayList<>();
        withAgent.add("-javaagent:" + agentJar() + "=" + options);
        withAgent.addAll(jvmArgs);
        return startWithout(directory, name, classPath, mainClass, withAgent, seconds, appArgs);
    }

    /** Starts {@code mainClass} for {@code seconds} with no agent (to attach to it, or watch it over JMX). */
    static AgentRun startWithout(Path directory, String name, String classPath, String mainClass, List<String> jvmArgs,
                                 int seconds) throws IOException {
        return startWithout(directory, name, classPath, mainClass, jvmArgs, seconds, List.of());
    }

    private static AgentRun startWithout(Path directory, String name, String classPath, String mainClass,
                                         List<String> jvmArgs, int seconds, List<String> appArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.add("--duration");
        command.add(Integer.toString(seconds));
        command.addAll(appArgs);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve(name + ".log").toFile())
                .start();
        return new AgentRun(directory, process, name, seconds);
    }

    /** The running JDK's java launcher. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs {@code java -jar <agent jar> args...} to its end; returns its exit code, output in {@code <name>.log}. */
    static int cli(Path directory, String name, List<String> args, int timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", agentJar().toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve(name + ".log").toFile())
                .start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("threadwatch " + args + " did not end within " + timeoutSeconds + " s");
        }
        return process.exitValue();
    }

    /** Waits for the app to exit by itself, and checks that it did so cleanly. */
    AgentRun awaitExit() throws IOException, InterruptedException {
        if (!process.waitFor(seconds + 90L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not exit within " + (seconds + 90) + " s\n" + log());
        }
        assertThat(process.exitValue()).as("%s exit code; log:%n%s", name, log()).isZero();
        return this;
    }

    Process process() {
        return process;
    }

    String log() throws IOException {
        return Files.readString(directory.resolve(name + ".log"));
    }

    Path output() {
        return directory.resolve("threadwatch");
    }

    LiveLines lines() {
        return LiveLines.read(output().resolve("threadwatch.jsonl"));
    }

    /** Runs assertions; on failure keeps the output and log under {@code target/failed-live-runs/<name>}. */
    void keepOnFailure(Runnable assertions) throws IOException {
        try {
            assertions.run();
        } catch (AssertionError e) {
            Path kept = Path.of("target", "failed-live-runs", name);
            Files.createDirectories(kept);
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            throw new AssertionError(e.getMessage() + "\noutput kept in " + kept.toAbsolutePath(), e);
        }
    }
}
