package io.threadwatch.recorder.cli;

import io.threadwatch.analyzer.cli.ThreadwatchCommand;
import java.io.PrintWriter;

/**
 * {@code java -jar threadwatch-agent.jar}: the {@code threadwatch} command line with the live
 * commands, {@code watch} (another JVM over JMX) and {@code attach} (load the agent into a running
 * JVM), next to {@code analyze}, {@code rules}, {@code schema} and {@code settings}.
 */
public final class RecorderCommand {

    private RecorderCommand() {
    }

    /** Runs a command line and returns its exit code, printing to the given streams. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return ThreadwatchCommand.execute(
                ThreadwatchCommand.commandLine(out, err, new WatchCommand(), new AttachCommand()), args);
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }
}
