package io.threadwatch.analyzer.fleet;

import io.threadwatch.analyzer.AnalysisOptions;
import io.threadwatch.analyzer.AnalysisProgress;
import io.threadwatch.analyzer.Analyzer;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.source.RecordingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One recording of a fleet: its report, or why it could not be analyzed.
 *
 * @param file   the file as given (a directory's files as {@code dir/name})
 * @param report the report; empty when the recording could not be analyzed
 * @param error  why it could not be analyzed, in one line; empty when it was
 */
public record FleetEntry(String file, Optional<Report> report, String error) {

    public FleetEntry {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(error, "error");
        if (report.isPresent() == !error.isEmpty()) {
            throw new IllegalArgumentException("a fleet entry has a report or an error, not both nor neither: " + file);
        }
    }

    /** Analyzes {@code file} on its own; a recording that cannot be analyzed becomes an entry with its error. */
    public static FleetEntry analyze(Path file, AnalysisOptions options, AnalysisProgress.Listener progress) {
        try {
            return new FleetEntry(file.toString(), Optional.of(Analyzer.analyze(List.of(file), options, progress)), "");
        } catch (RecordingException e) {
            return new FleetEntry(file.toString(), Optional.empty(), e.getMessage().replaceAll("\\s*\\R\\s*", " "));
        }
    }
}
