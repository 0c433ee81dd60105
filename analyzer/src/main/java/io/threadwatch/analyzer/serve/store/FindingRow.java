package io.threadwatch.analyzer.serve.store;

import java.time.Instant;

/**
 * One finding of one analyzed recording, as the database holds it for queries and the fleet view
 * (the whole finding, with its evidence, is in the recording's report).
 *
 * @param recordingId the recording it was found in
 * @param findingId   the report's finding id ({@code kind:fingerprint})
 * @param rule        the rule that fired
 * @param kind        the finding's kind
 * @param severity    {@code info}, {@code warning} or {@code critical}
 * @param site        the site's frame
 * @param fingerprint the site's fingerprint
 * @param first       start of the first window it held in
 * @param last        end of the last window it held in
 * @param message     the finding's one line
 */
public record FindingRow(String recordingId, String findingId, String rule, String kind, String severity, String site,
                         String fingerprint, Instant first, Instant last, String message) {
}
