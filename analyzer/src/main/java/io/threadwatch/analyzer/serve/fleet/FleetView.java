package io.threadwatch.analyzer.serve.fleet;

import io.threadwatch.analyzer.serve.store.Database;
import io.threadwatch.analyzer.serve.store.FindingRow;
import io.threadwatch.analyzer.serve.store.RecordingRow;
import io.threadwatch.analyzer.serve.store.RecordingStore;
import io.threadwatch.analyzer.serve.store.Sql;
import io.threadwatch.analyzer.serve.store.State;
import io.threadwatch.rules.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fleet's findings: filtered lists, findings grouped by site across recordings ("this leak at
 * {@code ConfigReloader.reload:38} is in 37 of 120 recordings, from 12 devices"), and per label
 * the latest verdict and its history.
 */
public final class FleetView {

    private final Database database;
    private final RecordingStore store;

    public FleetView(Database database, RecordingStore store) {
        this.database = database;
        this.store = store;
    }

    /**
     * One site's findings across the fleet.
     *
     * @param fingerprint   the site's fingerprint
     * @param kind          the finding kind
     * @param site          the site's frame
     * @param worstSeverity the most severe of them
     * @param recordings    recordings it is in
     * @param analyzed      recordings analyzed in all
     * @param labelValues   per label name, how many distinct values the recordings with it carry
     * @param firstSeen     the earliest window it held in
     * @param lastSeen      the latest window it held in
     * @param summary       the same in one line
     */
    public record Group(String fingerprint, String kind, String site, String worstSeverity, int recordings, int analyzed,
                        Map<String, Integer> labelValues, Instant firstSeen, Instant lastSeen, String summary) {
    }

    /**
     * One label value's recordings, newest first.
     *
     * @param name    the label's name
     * @param value   its value
     * @param latest  the newest analyzed recording's verdict: its worst finding, or {@code healthy}
     * @param history every recording with the label, newest first
     */
    public record LabelHistory(String name, String value, String latest, List<RecordingRow> history) {
    }

    /** The findings that pass {@code filter}, newest first. */
    public List<FindingRow> findings(FindingFilter filter) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT f.recording_id, f.finding_id, f.rule_id, f.kind, f.severity, f.site_frame, f.fingerprint, "
                + "f.first_at, f.last_at, f.message FROM finding f WHERE " + filter.where(params)
                + " ORDER BY f.first_at DESC, f.recording_id, f.finding_id";
        List<FindingRow> rows = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            Sql.bind(s, params);
            s.setMaxRows(filter.limit());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new FindingRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7), Instant.ofEpochMilli(r.getLong(8)),
                            Instant.ofEpochMilli(r.getLong(9)), r.getString(10)));
                }
            }
        }
        return rows;
    }

    /** Findings grouped by kind and site, the most widespread first. */
    public List<Group> groups() throws SQLException {
        try (Connection c = database.connect()) {
            int analyzed = count(c);
            Map<String, Map<String, Integer>> labelValues = labelValues(c);
            List<Group> groups = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT fingerprint, kind, MIN(site_frame), "
                    + "COUNT(DISTINCT recording_id), MIN(first_at), MAX(last_at), MAX(severity_rank) FROM finding "
                    + "GROUP BY fingerprint, kind ORDER BY COUNT(DISTINCT recording_id) DESC, MAX(severity_rank) DESC, "
                    + "kind, fingerprint");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String fingerprint = r.getString(1);
                    String kind = r.getString(2);
                    String site = r.getString(3);
                    int recordings = r.getInt(4);
                    Instant first = Instant.ofEpochMilli(r.getLong(5));
                    Instant last = Instant.ofEpochMilli(r.getLong(6));
                    String severity = Severity.values()[r.getInt(7)].id();
                    Map<String, Integer> labels = labelValues.getOrDefault(fingerprint + " " + kind, Map.of());
                    groups.add(new Group(fingerprint, kind, site, severity, recordings, analyzed, labels, first, last,
                            summary(kind, site, recordings, analyzed, labels, first)));
                }
            }
            return groups;
        }
    }

    /** Per label name and value, the latest verdict and the history, by name then value. */
    public List<LabelHistory> labels() throws SQLException {
        List<String[]> pairs = new ArrayList<>();
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement(
                     "SELECT DISTINCT name, label_value FROM recording_label ORDER BY name, label_value");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                pairs.add(new String[] {r.getString(1), r.getString(2)});
            }
        }
        List<LabelHistory> histories = new ArrayList<>();
        for (String[] pair : pairs) {
            List<RecordingRow> history = new ArrayList<>(store.withLabel(pair[0], pair[1]));
            java.util.Collections.reverse(history);
            String latest = history.stream().filter(h -> h.state() == State.DONE).findFirst()
                    .map(FleetView::verdict).orElse("not analyzed yet");
            histories.add(new LabelHistory(pair[0], pair[1], latest, history));
        }
        return histories;
    }

    /** A recording's verdict in a few words: {@code critical thread-leak at SITE}, or {@code healthy}. */
    public static String verdict(RecordingRow row) {
        if (row.state() != State.DONE) {
            return row.state().id() + row.message().map(m -> ": " + m).orElse("");
        }
        return row.verdict().flatMap(RecordingRow.Verdict::worst)
                .map(w -> w.severity() + " " + w.kind() + " at " + w.site())
                .orElse("healthy");
    }

    private static String summary(String kind, String site, int recordings, int analyzed, Map<String, Integer> labels,
                                  Instant first) {
        StringBuilder line = new StringBuilder(kind + " at " + site + " is in " + recordings + " of " + analyzed
                + " recordings");
        if (!labels.isEmpty()) {
            List<String> parts = new ArrayList<>();
            labels.forEach((name, values) -> parts.add(values + " " + name + (values == 1 ? "" : "s")));
            line.append(", from ").append(String.join(", ", parts));
        }
        return line.append(", first seen ").append(first).toString();
    }

    private static int count(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM recording WHERE state = ?")) {
            s.setString(1, State.DONE.id());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static Map<String, Map<String, Integer>> labelValues(Connection c) throws SQLException {
        Map<String, Map<String, Integer>> values = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT f.fingerprint, f.kind, l.name, "
                + "COUNT(DISTINCT l.label_value) FROM finding f JOIN recording_label l ON l.recording_id = f.recording_id "
                + "GROUP BY f.fingerprint, f.kind, l.name");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                values.computeIfAbsent(r.getString(1) + " " + r.getString(2), k -> new TreeMap<>())
                        .put(r.getString(3), r.getInt(4));
            }
        }
        return values;
    }
}
