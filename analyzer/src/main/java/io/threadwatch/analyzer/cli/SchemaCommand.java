package io.threadwatch.analyzer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code threadwatch schema}: prints the JSON Schema of the report. */
@Command(name = "schema",
        description = "Prints the JSON Schema (2020-12) of the JSON report, threadwatch.report/v1.",
        mixinStandardHelpOptions = true,
        versionProvider = ThreadwatchCommand.VersionProvider.class)
final class SchemaCommand implements Callable<Integer> {

    /** Where the schema lives on the class path. */
    static final String RESOURCE = "/io/threadwatch/analyzer/report/report-v1.schema.json";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE + " on the class path");
            }
            spec.commandLine().getOut().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return ExitCodes.OK;
    }
}
