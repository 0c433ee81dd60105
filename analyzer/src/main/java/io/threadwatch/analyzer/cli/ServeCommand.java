package io.threadwatch.analyzer.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code threadwatch serve}: the upload service. Its fields hold only plain values: the agent jar
 * carries this class but not the server, and refuses the command before touching it.
 */
@Command(name = "serve",
        description = {"Serves a web page and an HTTP API that take uploaded JFR recordings (.jfr or .jfr.gz), analyze "
                + "each in its own JVM and show the reports, the findings and a fleet view grouped by site.",
                "Open http://127.0.0.1:8080/ to upload; see the README's 'Serving uploads' for the API and curl examples.",
                "The bearer token for uploads and deletes is read from --token-file or the THREADWATCH_TOKEN "
                        + "environment variable (never from a flag, which 'ps' shows)."},
        mixinStandardHelpOptions = true,
        versionProvider = ThreadwatchCommand.VersionProvider.class,
        sortOptions = false,
        subcommands = ServeWorkerCommand.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.INTERNAL_HELP})
final class ServeCommand implements Callable<Integer> {

    static final String TOKEN_ENV = "THREADWATCH_TOKEN";
    static final String DB_PASSWORD_ENV = "THREADWATCH_DB_PASSWORD";
    private static final String SERVER_CLASS = "io.threadwatch.analyzer.serve.ThreadwatchServer";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only); 0.0.0.0 for every "
                    + "interface, best with a token.")
    String bind;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "threadwatch-data",
            description = "Directory for uploads, reports and the embedded database. Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "A shared database instead of the embedded H2 one, e.g. jdbc:postgresql://db:5432/threadwatch "
                    + "(password from THREADWATCH_DB_PASSWORD).")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "sa",
            description = "Database user. Default: ${DEFAULT-VALUE}.")
    String dbUser;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File whose first line is the bearer token that uploads, deletes and re-analyses need. "
                    + "Default: the THREADWATCH_TOKEN environment variable, or no token.")
    Path tokenFile;

    @Option(names = "--max-upload-size", paramLabel = "SIZE", converter = Converters.SizeConverter.class,
            defaultValue = "1g", description = "Refuse uploads larger than SIZE (413). Default: ${DEFAULT-VALUE}.")
    long maxUploadSize;

    @Option(names = "--max-decompressed-size", paramLabel = "SIZE", converter = Converters.SizeConverter.class,
            defaultValue = "4g",
            description = "Refuse gzip uploads that expand beyond SIZE. Default: ${DEFAULT-VALUE}.")
    long maxDecompressedSize;

    @Option(names = "--analyses", paramLabel = "N", defaultValue = "2",
            description = "Analyses running at once, each in its own JVM. Default: ${DEFAULT-VALUE}.")
    int analyses;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "100",
            description = "Uploads waiting for analysis before new ones get 503 + Retry-After. Default: ${DEFAULT-VALUE}.")
    int queue;

    @Option(names = "--uploads", paramLabel = "N", defaultValue = "8",
            description = "Uploads received at once before more get 429 + Retry-After. Default: ${DEFAULT-VALUE}.")
    int uploads;

    @Option(names = "--analysis-timeout", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            defaultValue = "10m",
            description = "Stop and refuse an analysis that takes longer. Default: ${DEFAULT-VALUE}.")
    Duration analysisTimeout;

    @Option(names = "--analysis-heap", paramLabel = "SIZE", converter = Converters.SizeConverter.class,
            defaultValue = "512m",
            description = "Heap (-Xmx) of each analysis's JVM; more is refused as out of budget. Default: ${DEFAULT-VALUE}.")
    long analysisHeap;

    @Option(names = "--retention-days", paramLabel = "DAYS", defaultValue = "30",
            description = "Delete uploads and their reports after DAYS days (0: keep all). Default: ${DEFAULT-VALUE}.")
    int retentionDays;

    @Mixin
    RuleFlags ruleFlags;

    @Override
    public Integer call() throws Exception {
        try {
            Class.forName(SERVER_CLASS, false, ServeCommand.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new CommandFailure(ExitCodes.USAGE, "serve is in threadwatch.jar (analyzer/target/threadwatch.jar), "
                    + "not in the agent jar");
        }
        // Every server type is behind ServeLauncher, which picocli never reflects on.
        return ServeLauncher.run(this);
    }
}
