package io.threadwatch.recorder.agent;

import io.threadwatch.recorder.WatchOptions;
import io.threadwatch.recorder.cli.WatchFlags;
import io.threadwatch.rules.RuleFileException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Reads the agent's options, {@code key=value} pairs separated by commas, e.g.
 * {@code window=20s,output=/var/log/threadwatch,prometheus=9464}: the keys are the flags of
 * {@code threadwatch watch} without their dashes, and are checked the same way.
 */
final class AgentOptions {

    @Command(name = "threadwatch-agent")
    static final class Flags {
        @Mixin
        WatchFlags flags;
    }

    /**
     * The agent's options.
     *
     * @param watch     the watch's
     * @param syncStart whether to wait for the watch to stream before the application starts
     */
    record Parsed(WatchOptions watch, boolean syncStart) {
    }

    private AgentOptions() {
    }

    /**
     * The watch options of an agent argument (null or empty for the defaults).
     *
     * @throws IllegalArgumentException with a message naming the bad option
     */
    static Parsed parse(String agentArgs) {
        Flags parsed = new Flags();
        try {
            new CommandLine(parsed).parseArgs(toArgs(agentArgs));
            return new Parsed(parsed.flags.toOptions(WatchFlags.AGENT_OUTPUT, WatchFlags.JSONL_FILE),
                    parsed.flags.syncStart());
        } catch (CommandLine.ParameterException | RuleFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** {@code a=1,b=2} as {@code --a 1 --b 2}. */
    static String[] toArgs(String agentArgs) {
        List<String> args = new ArrayList<>();
        if (agentArgs == null || agentArgs.isBlank()) {
            return new String[0];
        }
        for (String pair : agentArgs.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("agent option '" + pair + "' is not key=value");
            }
            args.add("--" + pair.substring(0, equals).trim());
            args.add(pair.substring(equals + 1));
        }
        return args.toArray(new String[0]);
    }
}
