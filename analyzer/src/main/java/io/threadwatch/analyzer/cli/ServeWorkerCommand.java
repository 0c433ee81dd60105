package io.threadwatch.analyzer.cli;

import io.threadwatch.analyzer.AnalysisOptions;
import io.threadwatch.analyzer.Analyzer;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.report.ReportFormat;
import io.threadwatch.analyzer.source.RecordingException;
import io.threadwatch.analyzer.source.RecordingLimits;
import io.threadwatch.rules.RuleFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code threadwatch serve worker}: one analysis in the JVM {@code serve} starts for it (hidden). It
 * prints {@code progress BYTES_READ BYTES_TOTAL CHUNKS_READ CHUNKS_TOTAL} lines as it reads and
 * {@code refused MESSAGE} for a recording it cannot analyze, and writes the report v1 JSON.
 */
@Command(name = "worker", hidden = true,
        description = "Analyzes one upload for 'threadwatch serve' and writes its report (internal).")
final class ServeWorkerCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "FILE")
    Path file;

    @Option(names = "--output", required = true, paramLabel = "FILE")
    Path output;

    @Option(names = "--max-decompressed-size", required = true, paramLabel = "BYTES")
    long maxDecompressedSize;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "",
            description = "The recording's name in the report (the uploaded file's name); the stored file's by default.")
    String name;

    @Mixin
    RuleFlags ruleFlags;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        // Orphaned by a killed service, the worker stops: its upload is analyzed again after the restart.
        ParentWatch.exitWhenGone(ProcessHandle.current().parent(), Duration.ofSeconds(1),
                () -> Runtime.getRuntime().halt(ExitCodes.INTERNAL));
        AnalysisOptions options = AnalysisOptions.defaults().withLimits(new RecordingLimits(maxDecompressedSize));
        try {
            options = options.withRules(ruleFlags.rules(options.rules())).withCatalog(ruleFlags.catalog(options.catalog()));
        } catch (RuleFileException e) {
            out.println("refused " + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
            out.flush();
            return ExitCodes.USAGE;
        }
        AnalyzeCommand.prepareBeside(ReportFormat.JSON);
        Report report;
        try {
            report = Analyzer.analyze(java.util.List.of(file), options, progress -> {
                out.println("progress " + progress.bytesRead() + " " + progress.bytesTotal() + " "
                        + progress.chunksRead() + " " + progress.chunksTotal());
                out.flush();
            });
        } catch (RecordingException e) {
            // The upload's id-named path means nothing to its owner: say "the upload" instead.
            out.println("refused " + e.getMessage().replace(file.toString(), "the upload")
                    .replace(String.valueOf(file.getFileName()), "the upload").replaceAll("\\s*\\R\\s*", " "));
            out.flush();
            return ExitCodes.BAD_INPUT;
        }
        try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            ReportFormat.JSON.write(name.isEmpty() ? report : report.named(name), writer);
        }
        return ExitCodes.OK;
    }
}
