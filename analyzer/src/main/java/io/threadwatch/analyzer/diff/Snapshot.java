package io.threadwatch.analyzer.diff;

import io.threadwatch.analyzer.engine.LiveThread;
import io.threadwatch.analyzer.report.Report;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One side of a diff: the threads alive at one moment, and for a recording its report.
 *
 * @param name    the file name, without directories
 * @param kind    what the file is
 * @param threads the live threads (for a recording: at its end)
 * @param report  the recording's analysis, or {@code null} for a thread dump
 */
public record Snapshot(String name, Kind kind, List<LiveThread> threads, Report report) {

    public Snapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        threads = List.copyOf(threads);
        if ((report != null) != (kind == Kind.RECORDING)) {
            throw new IllegalArgumentException("a report comes with a recording, and only with one");
        }
    }

    /** The recording's report, or empty for a dump. */
    public Optional<Report> analysis() {
        return Optional.ofNullable(report);
    }

    /** What kind of file a snapshot was read from, as the JSON names it. */
    public enum Kind {
        /** A JFR recording, plain or gzip-compressed. */
        RECORDING("recording"),
        /** A {@code jstack} or {@code jcmd Thread.print} text dump. */
        TEXT_DUMP("jstack"),
        /** A {@code jcmd Thread.dump_to_file -format=json} dump. */
        JSON_DUMP("json-dump");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The name in the JSON and text output. */
        public String id() {
            return id;
        }
    }
}
