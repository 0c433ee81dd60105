package io.threadwatch.analyzer.serve.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an accepted upload is, kept next to its file as {@code uploads/ID.meta.json}: enough to
 * rebuild its database row. The sidecar, not the row, is the service's promise that an upload was
 * accepted: it is written and synced to disk before the row is inserted and the client is answered
 * {@code 202}, so a row the database lost (a crash before its commit reached the disk) is rebuilt on
 * start. A DELETE removes it first, so a recording without one is being deleted.
 *
 * @param id         the service's id; also the name of its files
 * @param fileName   the name the client gave, for display only (never a path)
 * @param compressed whether the upload is gzip
 * @param bytes      the upload's size as stored
 * @param uploadedAt when the upload was accepted
 * @param labels     the client's labels
 */
public record Sidecar(String id, String fileName, boolean compressed, long bytes, Instant uploadedAt,
                      SortedMap<String, String> labels) {

    /** The {@code schema} field of every sidecar; a later layout gets a new one. */
    public static final String SCHEMA = "threadwatch.upload/v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    public Sidecar {
        if (!DataDir.isId(id)) {
            throw new IllegalArgumentException("not a recording id: " + id);
        }
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /** The sidecar of a stored recording (its state and verdict are not the sidecar's business). */
    public static Sidecar of(RecordingRow row) {
        return new Sidecar(row.id(), row.fileName(), row.compressed(), row.bytes(), row.uploadedAt(), row.labels());
    }

    /** The row of a newly accepted upload, or of one rebuilt from its sidecar: queued, no verdict. */
    public RecordingRow queuedRow() {
        return new RecordingRow(id, fileName, compressed, bytes, uploadedAt, labels, State.QUEUED, Optional.empty(),
                Optional.empty());
    }

    /** The sidecar as JSON (UTF-8). */
    public byte[] toJson() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("id", id);
        root.put("fileName", fileName);
        root.put("compressed", compressed);
        root.put("bytes", bytes);
        root.put("uploadedAt", uploadedAt.toString());
        ObjectNode labelsNode = root.putObject("labels");
        labels.forEach(labelsNode::put);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    /**
     * Reads a sidecar written by {@link #toJson()}.
     *
     * @throws IOException when it is not JSON or not a sidecar of this schema
     */
    public static Sidecar fromJson(byte[] json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
            throw new IOException("not a " + SCHEMA + " sidecar");
        }
        TreeMap<String, String> labels = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("labels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            labels.put(label.getKey(), label.getValue().asText());
        }
        try {
            return new Sidecar(root.path("id").asText(), root.path("fileName").asText("upload.jfr"),
                    root.path("compressed").asBoolean(), root.path("bytes").asLong(),
                    Instant.parse(root.path("uploadedAt").asText()), labels);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IOException("a damaged sidecar: " + e.getMessage(), e);
        }
    }
}
