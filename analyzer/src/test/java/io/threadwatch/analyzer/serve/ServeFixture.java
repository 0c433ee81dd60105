package io.threadwatch.analyzer.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** A real server on an ephemeral loopback port, and a real HTTP client for it. */
final class ServeFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Small limits keep the refusal tests fast. */
    static final ServeLimits SMALL = new ServeLimits(1L << 20, 8L << 20, 2, 10, 4, Duration.ofMinutes(2), 256L << 20, 30);

    final Path dataDir;
    final ThreadwatchServer server;
    final HttpClient http = HttpClient.newHttpClient();
    final StringWriter log = new StringWriter();
    final Optional<String> token;

    ServeFixture(Path dataDir, ServeLimits limits, Optional<String> token, Clock clock) throws IOException, SQLException {
        this.dataDir = dataDir;
        this.token = token;
        this.server = ThreadwatchServer.start(new ServeSettings("127.0.0.1", 0, dataDir, Optional.empty(), token,
                limits, List.of(), clock), new PrintWriter(log, true));
    }

    ServeFixture(Path dataDir) throws IOException, SQLException {
        this(dataDir, SMALL, Optional.empty(), Clock.systemUTC());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        return builder;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A multipart upload of {@code file} with {@code labels} as form fields, sent under {@code name}. */
    HttpResponse<String> upload(Path file, String name, Map<String, String> labels) throws IOException, InterruptedException {
        return upload(Files.readAllBytes(file), name, labels);
    }

    HttpResponse<String> upload(byte[] content, String name, Map<String, String> labels)
            throws IOException, InterruptedException {
        String boundary = "tw" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        labels.forEach((k, v) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(name).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[headBytes.length + content.length + tail.length];
        System.arraycopy(headBytes, 0, body, 0, headBytes.length);
        System.arraycopy(content, 0, body, headBytes.length, content.length);
        System.arraycopy(tail, 0, body, headBytes.length + content.length, tail.length);
        return http.send(request("/api/recordings").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Uploads and returns the new recording's id, failing unless the upload was accepted. */
    String accepted(Path file, Map<String, String> labels) throws IOException, InterruptedException {
        HttpResponse<String> response = upload(file, file.getFileName().toString(), labels);
        if (response.statusCode() != 202) {
            throw new AssertionError("upload answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("id").asText();
    }

    /** Polls the recording's status until it is done or failed (a barrier on the service's own state). */
    JsonNode finished(String id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = getJson("/api/recordings/" + id);
            String state = status.path("state").asText();
            if (state.equals("done") || state.equals("failed")) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("recording " + id + " was not analyzed in 3 minutes; log: " + log);
    }

    @Override
    public void close() throws SQLException {
        server.close();
    }

    /** A clock tests move forward. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T10:00:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
