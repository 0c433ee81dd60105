package io.threadwatch.recorder.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.threadwatch.analyzer.cli.CommandFailure;
import io.threadwatch.analyzer.cli.ExitCodes;
import io.threadwatch.analyzer.cli.ThreadwatchCommand;
import io.threadwatch.rules.RuleFileException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code threadwatch attach PID}: load the agent into a running JVM (the JDK's attach API). */
@Command(name = "attach",
        description = {"Loads the Threadwatch agent into a running JVM on this machine, as -javaagent would at "
                + "startup.",
                "Run it as the JVM's user. Relative paths are resolved here, not in the JVM's working directory. "
                        + "The JVM prints one line on its standard error when the watch starts; attaching again "
                        + "leaves the running watch as it is."},
        mixinStandardHelpOptions = true,
        versionProvider = ThreadwatchCommand.VersionProvider.class,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Success.", ExitCodes.USAGE_HELP, "3:No such JVM, or it refuses to attach.",
                ExitCodes.INTERNAL_HELP})
final class AttachCommand implements Callable<Integer> {

    /** Options whose values are paths, made absolute before they reach the other JVM. */
    private static final Set<String> PATH_OPTIONS = Set.of("--rules", "--output", "--jsonl");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID", description = "The process id of the JVM (see jps or jcmd -l).")
    String pid;

    @Mixin
    WatchFlags flags;

    @Override
    public Integer call() {
        try {
            // The agent checks its options again; checking here gives the error to the right person.
            flags.toOptions(WatchFlags.AGENT_OUTPUT, WatchFlags.JSONL_FILE);
        } catch (RuleFileException | IllegalArgumentException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
        }
        Path agentJar = agentJar();
        String agentOptions = agentOptions();
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(pid);
        } catch (AttachNotSupportedException | IOException e) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "cannot attach to JVM " + pid + ": " + e.getMessage());
        }
        try {
            vm.loadAgent(agentJar.toString(), agentOptions);
        } catch (AgentLoadException | IOException e) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "JVM " + pid + " did not load the agent: " + e.getMessage());
        } catch (AgentInitializationException e) {
            throw new CommandFailure(ExitCodes.INTERNAL,
                    "the agent failed to start in JVM " + pid + ": " + e.getMessage());
        } finally {
            try {
                vm.detach();
            } catch (IOException ignored) {
                // Detaching is a courtesy; the agent is loaded either way.
            }
        }
        spec.commandLine().getOut().println("threadwatch agent loaded into JVM " + pid
                + (agentOptions.isEmpty() ? "" : " with " + agentOptions));
        return ExitCodes.OK;
    }

    /** The jar this command runs from, which is the agent. */
    private Path agentJar() {
        try {
            Path jar = Path.of(AttachCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                throw new CommandFailure(ExitCodes.USAGE,
                        "attach runs from the agent jar: java -jar threadwatch-agent.jar attach PID");
            }
            return jar;
        } catch (URISyntaxException e) {
            throw new CommandFailure(ExitCodes.INTERNAL, "cannot locate the agent jar: " + e.getMessage());
        }
    }

    /** The options given here as {@code key=value,...}, paths made absolute. */
    private String agentOptions() {
        List<String> pairs = new ArrayList<>();
        for (CommandLine.Model.OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            String name = option.longestName();
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            for (String value : option.originalStringValues()) {
                if (value.contains(",")) {
                    throw new CommandFailure(ExitCodes.USAGE, name + ": agent options cannot contain ',': " + value);
                }
                if (PATH_OPTIONS.contains(name) && !value.equals("-") && !value.equals(WatchFlags.NONE)) {
                    value = Path.of(value).toAbsolutePath().toString();
                }
                pairs.add(name.substring(2) + "=" + value);
            }
        }
        return String.join(",", pairs);
    }
}
