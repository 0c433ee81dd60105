package io.threadwatch.analyzer.serve.fleet;

import io.threadwatch.rules.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which findings {@code GET /api/findings} returns; every part is optional.
 *
 * @param from        findings whose last window ends at or after this
 * @param to          findings whose first window starts at or before this
 * @param labelName   with {@code labelValue}: findings of recordings with this label
 * @param labelValue  the label's value
 * @param kind        findings of this kind
 * @param severity    findings at least this severe
 * @param fingerprint findings at this site
 * @param limit       at most this many, newest first
 */
public record FindingFilter(Optional<Instant> from, Optional<Instant> to, Optional<String> labelName,
                            Optional<String> labelValue, Optional<String> kind, Optional<Severity> severity,
                            Optional<String> fingerprint, int limit) {

    /** The SQL condition (after {@code WHERE}) over {@code finding f}, and its parameters in order. */
    String where(List<Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("1 = 1");
        from.ifPresent(t -> {
            conditions.add("f.last_at >= ?");
            params.add(t.toEpochMilli());
        });
        to.ifPresent(t -> {
            conditions.add("f.first_at <= ?");
            params.add(t.toEpochMilli());
        });
        if (labelName.isPresent() && labelValue.isPresent()) {
            conditions.add("f.recording_id IN (SELECT recording_id FROM recording_label WHERE name = ? AND label_value = ?)");
            params.add(labelName.get());
            params.add(labelValue.get());
        }
        kind.ifPresent(k -> {
            conditions.add("f.kind = ?");
            params.add(k);
        });
        severity.ifPresent(s -> {
            conditions.add("f.severity_rank >= ?");
            params.add(s.ordinal());
        });
        fingerprint.ifPresent(p -> {
            conditions.add("f.fingerprint = ?");
            params.add(p);
        });
        return String.join(" AND ", conditions);
    }
}
