package io.threadwatch.analyzer.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadwatch.analyzer.TestRecordings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service killed with SIGKILL (a crash, an OOM killer) right after it answered {@code 202}: what it
 * accepted must be there after the restart. bench/serve-load.sh does the same under load.
 */
class ServeCrashTest {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path data;

    @Test
    void everyUploadAnswered202SurvivesAKillRightAfterTheAnswer() throws Exception {
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
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/recordings?name=r" + i + ".jfr.gz"))
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
        try (ServeFixture restarted = new ServeFixture(data)) {
            for (String id : accepted) {
                assertThat(restarted.get("/api/recordings/" + id).statusCode()).as("recording " + id).isEqualTo(200);
                JsonNode status = restarted.finished(id);
                assertThat(status.path("state").asText()).isEqualTo("done");
            }
        }
    }
}
