package io.threadwatch.analyzer.serve.store;

import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the service knows of one uploaded recording.
 *
 * @param id          the service's id; also the name of its files
 * @param fileName    the name the client gave, for display only (never a path)
 * @param compressed  whether the upload is gzip
 * @param bytes       the upload's size as stored
 * @param uploadedAt  when the upload was accepted
 * @param labels      the client's labels, e.g. {@code device=edge-17}
 * @param state       where it is
 * @param message     why it failed, or empty
 * @param verdict     the analysis's outcome, once done
 */
public record RecordingRow(String id, String fileName, boolean compressed, long bytes, Instant uploadedAt,
                           SortedMap<String, String> labels, State state, Optional<String> message,
                           Optional<Verdict> verdict) {

    public RecordingRow {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /**
     * @param analyzedAt   when the report was written
     * @param start        the recording's start
     * @param end          the recording's end
     * @param jvm          the recorded JVM's version, or empty
     * @param findings     how many findings
     * @param worst        the most severe finding, or empty when healthy
     */
    public record Verdict(Instant analyzedAt, Instant start, Instant end, String jvm, int findings,
                          Optional<WorstFinding> worst) {
    }

    /**
     * @param severity {@code info}, {@code warning} or {@code critical}
     * @param kind     the finding's kind
     * @param site     its site's frame
     */
    public record WorstFinding(String severity, String kind, String site) {
    }
}
