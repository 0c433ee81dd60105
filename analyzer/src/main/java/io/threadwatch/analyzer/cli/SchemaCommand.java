package io.threadwatch.analyzer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code threadwatch schema}: prints the JSON Schema of the report, or of the live JSON Lines. */
@Command(name = "schema",
        description = {"Prints the JSON Schema (2020-12) of the JSON report, threadwatch.report/v1; with --lines "
                + "that of the live recorder's JSON Lines, threadwatch.line/v1; with --fleet that of 'analyze --each "
                + "--format json', threadwatch.fleet/v1 (both refer to the report's); with --diff that of 'diff --format json', "
                + "threadwatch.diff/v1.",
                "All are also at https://threadwatch.io/schema/ by their $id."},
        mixinStandardHelpOptions = true,
        versionProvider = ThreadwatchCommand.VersionProvider.class)
final class SchemaCommand implements Callable<Integer> {

    /** Where the report's schema lives on the class path. */
    static final String RESOURCE = "/io/threadwatch/analyzer/report/report-v1.schema.json";
    /** Where the JSON Lines schema lives on the class path. */
    static final String LINES_RESOURCE = "/io/threadwatch/analyzer/report/line-v1.schema.json";
    /** Where the fleet document's schema lives on the class path. */
    static final String FLEET_RESOURCE = "/io/threadwatch/analyzer/report/fleet-v1.schema.json";
    /** Where the diff document's schema lives on the class path. */
    static final String DIFF_RESOURCE = "/io/threadwatch/analyzer/report/diff-v1.schema.json";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ArgGroup(exclusive = true)
    Which which = new Which();

    /** Which schema, other than the report's. */
    static final class Which {
        @CommandLine.Option(names = "--lines", description = "The schema of one JSON line of the live recorder instead.")
        boolean lines;

        @CommandLine.Option(names = "--fleet",
                description = "The schema of the document 'analyze --each --format json' writes instead.")
        boolean fleet;

        @CommandLine.Option(names = "--diff", description = "The schema of the document 'diff --format json' writes instead.")
        boolean diff;
    }

    @Override
    public Integer call() throws IOException {
        String resource = which.lines ? LINES_RESOURCE : which.fleet ? FLEET_RESOURCE : which.diff ? DIFF_RESOURCE : RESOURCE;
        try (InputStream in = SchemaCommand.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource + " on the class path");
            }
            spec.commandLine().getOut().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return ExitCodes.OK;
    }
}
