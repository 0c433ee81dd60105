package io.threadwatch.analyzer.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadwatch.analyzer.TestRecordings;
import io.threadwatch.analyzer.serve.store.DataDir;
import io.threadwatch.analyzer.serve.store.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service killed with SIGKILL (a crash, an OOM killer) right after it answered {@code 202}: what it
 * accepted must be there after the restart, even when the database lost its row, and what it never
 * accepted must be gone. bench/serve-load.sh does the same under load.
 */
class ServeCrashTest {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path data;

    @Test
    void everyUploadAnswered202SurvivesAKillAndALostRowAndAHalfWrittenUploadIsDeleted() throws Exception {
        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.threadwatch.analyzer.cli.ThreadwatchCommand",
                "serve", "--port", "0", "--data", data.toString(), "--retention-days", "0", "--analyses", "1")
                .redirectErrorStream(true).start();
        List<String> accepted = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
            int port = -1;
            for (String line = out.readLine(); line != null && port < 0; line = out.readLine()) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            assertThat(port).as("the service's port").isPositive();
            byte[] recording = Files.readAllBytes(TestRecordings.recording("deadlock.default-jdk17.jfr.gz"));
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + port + "/api/recordings?name=r" + i + ".jfr.gz&device=edge-" + i))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(recording)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                accepted.add(ServeFixture.JSON.readTree(response.body()).path("id").asText());
            }
        } finally {
            // SIGKILL: no shutdown hook, no database close.
            service.destroyForcibly();
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        DataDir dir = DataDir.open(data);
        // What a database that lost its last commits leaves: no row (nor labels) for an upload answered 202.
        String lost = accepted.get(2);
        try (Connection db = DriverManager.getConnection(Database.embeddedUrl(dir), "sa", "");
             PreparedStatement labels = db.prepareStatement("DELETE FROM recording_label WHERE recording_id = ?");
             PreparedStatement row = db.prepareStatement("DELETE FROM recording WHERE id = ?")) {
            labels.setString(1, lost);
            labels.executeUpdate();
            row.setString(1, lost);
            assertThat(row.executeUpdate()).as("the row of " + lost).isEqualTo(1);
            db.createStatement().execute("SHUTDOWN");
        }
        Files.deleteIfExists(dir.report(lost));
        // And what a crash mid-upload leaves: the file moved into place, no sidecar, no row, never answered 202.
        String halfWritten = "0123456789abcdef01234567";
        Files.copy(TestRecordings.recording("deadlock.default-jdk17.jfr.gz"), dir.upload(halfWritten, true));
        try (ServeFixture restarted = new ServeFixture(data)) {
            for (int i = 0; i < accepted.size(); i++) {
                String id = accepted.get(i);
                assertThat(restarted.get("/api/recordings/" + id).statusCode()).as("recording " + id).isEqualTo(200);
                JsonNode status = restarted.finished(id);
                assertThat(status.path("state").asText()).isEqualTo("done");
                assertThat(status.path("fileName").asText()).isEqualTo("r" + i + ".jfr.gz");
                assertThat(status.path("labels").path("device").asText()).isEqualTo("edge-" + i);
            }
            assertThat(restarted.getJson("/api/recordings/" + lost + "/report").path("findings").get(0)
                    .path("kind").asText()).isEqualTo("deadlock");
            assertThat(restarted.getJson("/api/findings?label=device:edge-2").path("findings")).hasSize(1);
            assertThat(restarted.log.toString()).contains("rebuilt the lost database row of " + lost);
            assertThat(dir.upload(halfWritten, true)).doesNotExist();
            assertThat(restarted.log.toString()).contains("deleted " + halfWritten + ".jfr.gz: an upload cut short");
            assertThat(restarted.get("/api/recordings/" + halfWritten).statusCode()).isEqualTo(404);
        }
    }
}
