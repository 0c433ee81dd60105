package io.threadwatch.analyzer.cli;

import io.threadwatch.analyzer.AnalysisOptions;
import io.threadwatch.analyzer.serve.ServeLimits;
import io.threadwatch.analyzer.serve.ServeSettings;
import io.threadwatch.analyzer.serve.ThreadwatchServer;
import io.threadwatch.rules.RuleFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Starts the server for {@link ServeCommand}. Kept apart because picocli reflects on every method of
 * a command class, and a server type in any signature there would break every command of the agent
 * jar, which has no server.
 */
final class ServeLauncher {

    private final ServeCommand c;

    private ServeLauncher(ServeCommand command) {
        this.c = command;
    }

    static Integer run(ServeCommand command) throws InterruptedException {
        return new ServeLauncher(command).start();
    }

    private Integer start() throws InterruptedException {
        ServeSettings settings = settings();
        PrintWriter log = c.spec.commandLine().getErr();
        ThreadwatchServer server;
        try {
            server = ThreadwatchServer.start(settings, log);
        } catch (IOException | SQLException e) {
            throw new CommandFailure(ExitCodes.USAGE, "cannot start: " + e.getMessage());
        } catch (RuntimeException e) {
            // Javalin wraps a port in use (and other start failures) in runtime exceptions.
            throw new CommandFailure(ExitCodes.USAGE, "cannot listen on " + c.bind + ":" + c.port + ": " + e.getMessage());
        }
        c.spec.commandLine().getOut().println("threadwatch serve: open http://" + c.bind + ":" + server.port() + "/");
        c.spec.commandLine().getOut().flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (SQLException | RuntimeException e) {
                log.println("threadwatch serve: closing: " + e);
                log.flush();
            }
        }, "threadwatch-serve-shutdown"));
        server.awaitStop();
        return ExitCodes.OK;
    }

    private ServeSettings settings() {
        List<String> analysisArgs = new ArrayList<>();
        try {
            // Checked once here, so a bad rule file stops the start instead of failing every analysis.
            c.ruleFlags.rules(AnalysisOptions.defaults().rules());
            c.ruleFlags.catalog(AnalysisOptions.defaults().catalog());
        } catch (RuleFileException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
        }
        if (c.ruleFlags.rules != null) {
            analysisArgs.addAll(List.of("--rules", c.ruleFlags.rules.toAbsolutePath().toString()));
        }
        for (Path catalog : c.ruleFlags.catalogs) {
            analysisArgs.addAll(List.of("--catalog", catalog.toAbsolutePath().toString()));
        }
        for (String prefix : c.ruleFlags.infraPackages) {
            analysisArgs.addAll(List.of("--infra-package", prefix));
        }
        Optional<ServeSettings.Jdbc> database = Optional.ofNullable(c.db).map(url -> new ServeSettings.Jdbc(url, c.dbUser,
                Optional.ofNullable(System.getenv(ServeCommand.DB_PASSWORD_ENV)).orElse("")));
        try {
            ServeLimits limits = new ServeLimits(c.maxUploadSize, c.maxDecompressedSize, c.analyses, c.queue, c.uploads,
                    c.analysisTimeout, c.analysisHeap, c.retentionDays);
            return new ServeSettings(c.bind, c.port, c.data, database, token(), limits, analysisArgs, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(c.spec.commandLine(), e.getMessage());
        }
    }

    private Optional<String> token() {
        if (c.tokenFile == null) {
            return Optional.ofNullable(System.getenv(ServeCommand.TOKEN_ENV)).map(String::trim).filter(t -> !t.isEmpty());
        }
        try {
            List<String> lines = Files.readAllLines(c.tokenFile, StandardCharsets.UTF_8);
            String token = lines.isEmpty() ? "" : lines.get(0).trim();
            if (token.isEmpty()) {
                throw new CommandFailure(ExitCodes.USAGE, "the token file '" + c.tokenFile + "' is empty");
            }
            return Optional.of(token);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.USAGE, "cannot read the token file '" + c.tokenFile + "': " + e.getMessage());
        }
    }
}
