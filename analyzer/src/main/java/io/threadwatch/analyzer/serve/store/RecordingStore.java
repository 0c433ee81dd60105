package io.threadwatch.analyzer.serve.store;

import io.threadwatch.rules.Severity;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The recordings' metadata and their findings, in the {@link Database}. */
public final class RecordingStore {

    private static final SecureRandom IDS = new SecureRandom();
    private static final String COLUMNS = "id, file_name, compressed, bytes, uploaded_at, state, message, analyzed_at, "
            + "recording_start, recording_end, jvm, worst_severity, worst_kind, worst_site, finding_count";

    private final Database database;

    public RecordingStore(Database database) {
        this.database = database;
    }

    /** A new recording id: 24 hex digits, unguessable, so that ids cannot be enumerated. */
    public static String newId() {
        byte[] bytes = new byte[12];
        IDS.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Stores a newly accepted recording with its labels. */
    public void insert(RecordingRow row) throws SQLException {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO recording (id, file_name, compressed, bytes, "
                    + "uploaded_at, state) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, row.id());
                s.setString(2, row.fileName());
                s.setBoolean(3, row.compressed());
                s.setLong(4, row.bytes());
                s.setLong(5, row.uploadedAt().toEpochMilli());
                s.setString(6, row.state().id());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO recording_label (recording_id, name, label_value) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> label : row.labels().entrySet()) {
                    s.setString(1, row.id());
                    s.setString(2, label.getKey());
                    s.setString(3, label.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            c.commit();
        }
    }

    /** The recording with this id, if there is one. */
    public Optional<RecordingRow> find(String id) throws SQLException {
        List<RecordingRow> rows = select("WHERE id = ?", List.of(id), 1);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The latest recordings, newest first. */
    public List<RecordingRow> latest(int limit) throws SQLException {
        return select("ORDER BY uploaded_at DESC, id DESC", List.of(), limit);
    }

    /** Every recording with this label, oldest first. */
    public List<RecordingRow> withLabel(String name, String value) throws SQLException {
        return select("WHERE id IN (SELECT recording_id FROM recording_label WHERE name = ? AND label_value = ?) "
                + "ORDER BY uploaded_at, id", List.of(name, value), Integer.MAX_VALUE);
    }

    /** Every recording, oldest first. */
    public List<RecordingRow> all() throws SQLException {
        return select("ORDER BY uploaded_at, id", List.of(), Integer.MAX_VALUE);
    }

    /** Recordings that were queued or being analyzed (e.g. when the service died), oldest first. */
    public List<RecordingRow> unfinished() throws SQLException {
        return select("WHERE state IN (?, ?) ORDER BY uploaded_at, id",
                List.of(State.QUEUED.id(), State.ANALYZING.id()), Integer.MAX_VALUE);
    }

    /** Recordings uploaded before {@code cutoff}. */
    public List<RecordingRow> uploadedBefore(Instant cutoff) throws SQLException {
        return select("WHERE uploaded_at < ? ORDER BY uploaded_at, id", List.of(cutoff.toEpochMilli()),
                Integer.MAX_VALUE);
    }

    /** Sets the state (and message, or none) of a recording; false when it no longer exists. */
    public boolean setState(String id, State state, Optional<String> message) throws SQLException {
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("UPDATE recording SET state = ?, message = ? WHERE id = ?")) {
            s.setString(1, state.id());
            s.setString(2, message.map(m -> clip(m, 2000)).orElse(null));
            s.setString(3, id);
            return s.executeUpdate() == 1;
        }
    }

    /** Queues a recording again, forgetting its verdict and findings (its report file stays until replaced). */
    public boolean requeue(String id) throws SQLException {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement d = c.prepareStatement("DELETE FROM finding WHERE recording_id = ?");
                 PreparedStatement u = c.prepareStatement("UPDATE recording SET state = ?, message = NULL, "
                         + "analyzed_at = NULL, worst_severity = NULL, worst_kind = NULL, worst_site = NULL, "
                         + "finding_count = NULL WHERE id = ?")) {
                d.setString(1, id);
                d.executeUpdate();
                u.setString(1, State.QUEUED.id());
                u.setString(2, id);
                boolean found = u.executeUpdate() == 1;
                c.commit();
                return found;
            }
        }
    }

    /** Records a finished analysis: the verdict and the findings, in one transaction. */
    public boolean done(String id, RecordingRow.Verdict verdict, List<FindingRow> findings) throws SQLException {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement d = c.prepareStatement("DELETE FROM finding WHERE recording_id = ?");
                 PreparedStatement f = c.prepareStatement("INSERT INTO finding (recording_id, finding_id, rule_id, "
                         + "kind, severity, severity_rank, site_frame, fingerprint, first_at, last_at, message) "
                         + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement u = c.prepareStatement("UPDATE recording SET state = ?, message = NULL, "
                         + "analyzed_at = ?, recording_start = ?, recording_end = ?, jvm = ?, worst_severity = ?, "
                         + "worst_kind = ?, worst_site = ?, finding_count = ? WHERE id = ?")) {
                d.setString(1, id);
                d.executeUpdate();
                for (FindingRow row : findings) {
                    f.setString(1, id);
                    f.setString(2, clip(row.findingId(), 300));
                    f.setString(3, clip(row.rule(), 100));
                    f.setString(4, row.kind());
                    f.setString(5, row.severity());
                    f.setInt(6, Severity.fromId(row.severity()).ordinal());
                    f.setString(7, clip(row.site(), 1000));
                    f.setString(8, clip(row.fingerprint(), 64));
                    f.setLong(9, row.first().toEpochMilli());
                    f.setLong(10, row.last().toEpochMilli());
                    f.setString(11, clip(row.message(), 4000));
                    f.addBatch();
                }
                f.executeBatch();
                u.setString(1, State.DONE.id());
                u.setLong(2, verdict.analyzedAt().toEpochMilli());
                u.setLong(3, verdict.start().toEpochMilli());
                u.setLong(4, verdict.end().toEpochMilli());
                u.setString(5, clip(verdict.jvm(), 200));
                u.setString(6, verdict.worst().map(RecordingRow.WorstFinding::severity).orElse(null));
                u.setString(7, verdict.worst().map(RecordingRow.WorstFinding::kind).orElse(null));
                u.setString(8, verdict.worst().map(w -> clip(w.site(), 1000)).orElse(null));
                u.setInt(9, verdict.findings());
                u.setString(10, id);
                boolean found = u.executeUpdate() == 1;
                if (found) {
                    c.commit();
                } else {
                    // Deleted while it was analyzed: keep nothing of it.
                    c.rollback();
                }
                return found;
            }
        }
    }

    /** Deletes a recording, its labels and its findings; false when there was none. */
    public boolean delete(String id) throws SQLException {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement f = c.prepareStatement("DELETE FROM finding WHERE recording_id = ?");
                 PreparedStatement l = c.prepareStatement("DELETE FROM recording_label WHERE recording_id = ?");
                 PreparedStatement r = c.prepareStatement("DELETE FROM recording WHERE id = ?")) {
                for (PreparedStatement s : List.of(f, l, r)) {
                    s.setString(1, id);
                }
                f.executeUpdate();
                l.executeUpdate();
                boolean found = r.executeUpdate() == 1;
                c.commit();
                return found;
            }
        }
    }

    private List<RecordingRow> select(String where, List<Object> params, int limit) throws SQLException {
        List<RecordingRow> rows = new ArrayList<>();
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM recording " + where)) {
            Sql.bind(s, params);
            s.setMaxRows(limit == Integer.MAX_VALUE ? 0 : limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(row(r));
                }
            }
            Map<String, TreeMap<String, String>> labels = labels(c, rows);
            List<RecordingRow> withLabels = new ArrayList<>(rows.size());
            for (RecordingRow row : rows) {
                withLabels.add(new RecordingRow(row.id(), row.fileName(), row.compressed(), row.bytes(),
                        row.uploadedAt(), labels.getOrDefault(row.id(), new TreeMap<>()), row.state(), row.message(),
                        row.verdict()));
            }
            return withLabels;
        }
    }

    private static Map<String, TreeMap<String, String>> labels(Connection c, List<RecordingRow> rows)
            throws SQLException {
        Map<String, TreeMap<String, String>> labels = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return labels;
        }
        // One query per recording keeps the SQL portable (no array parameters); lists are short.
        try (PreparedStatement s = c.prepareStatement(
                "SELECT name, label_value FROM recording_label WHERE recording_id = ?")) {
            for (RecordingRow row : rows) {
                s.setString(1, row.id());
                try (ResultSet r = s.executeQuery()) {
                    TreeMap<String, String> map = new TreeMap<>();
                    while (r.next()) {
                        map.put(r.getString(1), r.getString(2));
                    }
                    labels.put(row.id(), map);
                }
            }
        }
        return labels;
    }

    private static RecordingRow row(ResultSet r) throws SQLException {
        Optional<RecordingRow.Verdict> verdict = Optional.empty();
        long analyzedAt = r.getLong("analyzed_at");
        if (!r.wasNull() && State.fromId(r.getString("state")) == State.DONE) {
            String severity = r.getString("worst_severity");
            Optional<RecordingRow.WorstFinding> worst = severity == null ? Optional.empty()
                    : Optional.of(new RecordingRow.WorstFinding(severity, r.getString("worst_kind"),
                            r.getString("worst_site")));
            verdict = Optional.of(new RecordingRow.Verdict(Instant.ofEpochMilli(analyzedAt),
                    Instant.ofEpochMilli(r.getLong("recording_start")), Instant.ofEpochMilli(r.getLong("recording_end")),
                    r.getString("jvm") == null ? "" : r.getString("jvm"), r.getInt("finding_count"), worst));
        }
        return new RecordingRow(r.getString("id"), r.getString("file_name"), r.getBoolean("compressed"),
                r.getLong("bytes"), Instant.ofEpochMilli(r.getLong("uploaded_at")), new TreeMap<>(),
                State.fromId(r.getString("state")), Optional.ofNullable(r.getString("message")), verdict);
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
