package io.threadwatch.analyzer.cli;

import io.threadwatch.analyzer.BuiltIns;
import io.threadwatch.analyzer.Version;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code threadwatch}: the command-line entry point. */
@Command(name = "threadwatch",
        description = "Finds thread-health problems in JDK Flight Recorder recordings: thread leaks, creation storms, "
                + "threads blocked forever, long blocking, lock contention and deadlocks, with the stacks that show "
                + "where to fix them.",
        mixinStandardHelpOptions = true,
        versionProvider = ThreadwatchCommand.VersionProvider.class,
        subcommands = {AnalyzeCommand.class, PartialCommand.class, DiffCommand.class, RulesCommand.class, SchemaCommand.class, SettingsCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.FINDINGS_HELP, ExitCodes.USAGE_HELP, ExitCodes.BAD_INPUT_HELP,
                ExitCodes.INTERNAL_HELP})
public final class ThreadwatchCommand implements Runnable {

    /** The commands that start from the built-in catalog and rules. */
    private static final Set<String> READS_BUILT_INS = Set.of("analyze", "diff", "rules", "serve");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: " + String.join(", ", spec.subcommands().keySet()));
    }

    /** Runs a command line and returns its exit code, printing to the given streams. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return execute(commandLine(out, err), args);
    }

    /**
     * The {@code threadwatch} command line, printing to the given streams, with one-line failure
     * messages and the exit codes above, and with {@code moreCommands} (the recorder's) beside
     * the built-in ones.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Object... moreCommands) {
        CommandLine commandLine = new CommandLine(new ThreadwatchCommand());
        // Before the streams and handler are set: picocli hands them only to subcommands it has.
        for (Object command : moreCommands) {
            commandLine.addSubcommand(command);
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            String prefix = cmd.getCommandSpec().qualifiedName() + ": ";
            if (e instanceof CommandFailure failure) {
                cmd.getErr().println(prefix + failure.getMessage());
                return failure.exitCode();
            }
            cmd.getErr().println(prefix + "internal error: " + e);
            return ExitCodes.INTERNAL;
        });
        return commandLine;
    }

    /** Executes {@code args} and flushes the command line's streams. */
    public static int execute(CommandLine commandLine, String... args) {
        int code = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return code;
    }

    public static void main(String[] args) {
        if (args.length > 0 && READS_BUILT_INS.contains(args[0])) {
            // Beside picocli's set-up, which takes about as long on a cold JVM.
            BuiltIns.preload();
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    /** The version from the build. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"threadwatch " + Version.current()};
        }
    }
}
