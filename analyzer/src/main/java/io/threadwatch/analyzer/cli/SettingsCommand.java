package io.threadwatch.analyzer.cli;

import io.threadwatch.analyzer.source.JfcWriter;
import io.threadwatch.analyzer.source.JfrSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code threadwatch settings}: prints the JFR settings file the analysis needs. */
@Command(name = "settings",
        description = {"Prints a JFR settings file (.jfc) that records exactly the events Threadwatch analyzes, "
                + "with a thread dump every 10 s. Save it and record with:",
                "  java -XX:StartFlightRecording:settings=threadwatch.jfc,filename=app.jfr,dumponexit=true ..."},
        mixinStandardHelpOptions = true,
        versionProvider = ThreadwatchCommand.VersionProvider.class)
final class SettingsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(JfcWriter.write(JfrSettings.required()));
        return ExitCodes.OK;
    }
}
