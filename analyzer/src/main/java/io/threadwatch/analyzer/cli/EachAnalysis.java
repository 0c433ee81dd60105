package io.threadwatch.analyzer.cli;

import io.threadwatch.analyzer.AnalysisOptions;
import io.threadwatch.analyzer.fleet.Fleet;
import io.threadwatch.analyzer.fleet.FleetEntry;
import io.threadwatch.analyzer.fleet.FleetReport;
import io.threadwatch.analyzer.fleet.FleetWriter;
import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.rules.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code analyze --each}: every recording on its own, then the fleet view. A directory stands for
 * its {@code .jfr} and {@code .jfr.gz} files (not its subdirectories), by name.
 */
final class EachAnalysis {

    private EachAnalysis() {
    }

    /** The recordings {@code files} name, directories expanded. */
    static List<Path> recordings(List<Path> files) {
        List<Path> recordings = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isDirectory(file)) {
                recordings.add(file);
                continue;
            }
            try (Stream<Path> listed = Files.list(file)) {
                List<Path> found = listed.filter(EachAnalysis::isRecording).sorted().toList();
                if (found.isEmpty()) {
                    throw new CommandFailure(ExitCodes.BAD_INPUT, "'" + file + "' holds no .jfr or .jfr.gz file");
                }
                recordings.addAll(found);
            } catch (IOException e) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, "'" + file + "': cannot list: " + e.getMessage());
            }
        }
        return recordings;
    }

    private static boolean isRecording(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".jfr") || name.endsWith(".jfr.gz"));
    }

    /** Analyzes each recording, each with its own progress bar when one is drawn. */
    static FleetReport analyze(List<Path> recordings, AnalysisOptions options, boolean quiet) {
        List<FleetEntry> entries = new ArrayList<>();
        for (Path recording : recordings) {
            String name = recording.getFileName() == null ? recording.toString() : recording.getFileName().toString();
            try (ProgressDisplay.Listener progress = ProgressDisplay.open(quiet, name)) {
                entries.add(FleetEntry.analyze(recording, options, progress.listener()));
            }
        }
        return Fleet.of(entries);
    }

    /** Writes the fleet view as JSON (fleet v1) or text. */
    static void write(FleetReport fleet, boolean json, Writer out) throws IOException {
        if (json) {
            FleetWriter.json(fleet, out);
        } else {
            FleetWriter.text(fleet, out);
        }
    }

    /**
     * 1 when a finding of any recording is at least {@code failOn}; else 3 when no recording could
     * be analyzed at all; else 0 (recordings that could not be analyzed are lines of the summary).
     */
    static int exitCode(FleetReport fleet, Severity failOn) {
        if (failOn != null) {
            for (FleetReport.FileReport each : fleet.reports()) {
                for (Finding finding : each.report().findings()) {
                    if (Severity.fromId(finding.severity()).isAtLeast(failOn)) {
                        return ExitCodes.FINDINGS;
                    }
                }
            }
        }
        return fleet.reports().isEmpty() ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }
}
