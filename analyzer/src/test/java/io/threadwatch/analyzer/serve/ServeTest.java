package io.threadwatch.analyzer.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadwatch.analyzer.TestRecordings;
import io.threadwatch.analyzer.serve.store.DataDir;
import io.threadwatch.analyzer.serve.store.Database;
import io.threadwatch.analyzer.serve.store.RecordingStore;
import io.threadwatch.analyzer.serve.store.Sidecar;
import io.threadwatch.analyzer.serve.store.State;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upload -> analysis -> report -> findings -> fleet, on the real server with committed sample recordings. */
class ServeTest {

    private static final String LEAK_SITE =
            "io.threadwatch.samples.schedulerleak.ConfigReloader.reload(ConfigReloader.java:38)";

    @TempDir
    Path data;

    @Test
    void uploadsAreAnalyzedAndTheSameLeakIsGroupedAcrossDevices() throws Exception {
        try (ServeFixture serve = new ServeFixture(data)) {
            String leak17 = serve.accepted(TestRecordings.recording("scheduler-leak.default-jdk17.jfr.gz"),
                    Map.of("device", "edge-1"));
            String leak25 = serve.accepted(TestRecordings.recording("scheduler-leak.threadwatch-jdk25.jfr.gz"),
                    Map.of("device", "edge-2"));
            String healthy = serve.accepted(TestRecordings.recording("hikari-healthy.default-jdk17.jfr.gz"),
                    Map.of("device", "edge-3"));

            JsonNode status = serve.finished(leak17);
            assertThat(status.path("state").asText()).isEqualTo("done");
            assertThat(status.path("verdict").path("summary").asText()).isEqualTo("critical thread-leak at " + LEAK_SITE);
            assertThat(serve.finished(leak25).path("state").asText()).isEqualTo("done");
            assertThat(serve.finished(healthy).path("verdict").path("summary").asText()).isEqualTo("healthy");

            JsonNode report = serve.getJson("/api/recordings/" + leak17 + "/report");
            assertThat(report.path("schema").asText()).isEqualTo("threadwatch.report/v1");
            // The name the client sent, not the id-named file the service stored.
            assertThat(report.path("source").path("name").asText()).isEqualTo("scheduler-leak.default-jdk17.jfr.gz");
            assertThat(report.path("findings").get(0).path("site").path("frame").asText()).isEqualTo(LEAK_SITE);

            HttpResponse<String> page = serve.get("/recordings/" + leak17);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body()).contains("ConfigReloader.reload");

            JsonNode findings = serve.getJson("/api/findings?kind=thread-leak&severity=critical").path("findings");
            assertThat(findings).hasSize(2);
            assertThat(serve.getJson("/api/findings?label=device:edge-2").path("findings")).hasSize(1)
                    .allSatisfy(f -> assertThat(f.path("recording").asText()).isEqualTo(leak25));
            assertThat(serve.getJson("/api/findings?label=device:edge-3").path("findings")).isEmpty();
            String fingerprint = findings.get(0).path("site").path("fingerprint").asText();
            assertThat(serve.getJson("/api/findings?fingerprint=" + fingerprint).path("findings")).hasSize(2);
            assertThat(serve.getJson("/api/findings?to=2000-01-01T00:00:00Z").path("findings")).isEmpty();

            JsonNode fleet = serve.getJson("/api/fleet");
            assertThat(fleet.path("analyzed").asInt()).isEqualTo(3);
            JsonNode group = fleet.path("groups").get(0);
            assertThat(group.path("kind").asText()).isEqualTo("thread-leak");
            assertThat(group.path("recordings").asInt()).isEqualTo(2);
            assertThat(group.path("labelValues").path("device").asInt()).isEqualTo(2);
            assertThat(group.path("summary").asText()).startsWith("thread-leak at " + LEAK_SITE
                    + " is in 2 of 3 recordings, from 2 devices, first seen ");
            List<String> latest = new ArrayList<>();
            fleet.path("labels").forEach(l -> latest.add(l.path("value").asText() + ": " + l.path("latest").asText()));
            assertThat(latest).containsExactly("edge-1: critical thread-leak at " + LEAK_SITE,
                    "edge-2: critical thread-leak at " + LEAK_SITE, "edge-3: healthy");

            String[] lines = serve.get("/api/export.jsonl").body().split("\n");
            long findingLines = java.util.Arrays.stream(lines).filter(l -> l.startsWith("{\"type\":\"finding\"")).count();
            assertThat(findingLines).isEqualTo(2);
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("{\"type\":\"sli\",\"recording\":\"" + healthy
                    + "\",\"labels\":{\"device\":\"edge-3\"}"));
            assertThat(serve.get("/fleet").body()).contains("fleet.js");
            assertThat(serve.get("/").body()).contains("app.js");
        }
    }

    @Test
    void aRestartKeepsEverythingAndAnalyzesWhatWasUnfinished() throws Exception {
        String done;
        String interrupted;
        try (ServeFixture serve = new ServeFixture(data)) {
            done = serve.accepted(TestRecordings.recording("scheduler-leak.default-jdk17.jfr.gz"), Map.of("device", "a"));
            interrupted = serve.accepted(TestRecordings.recording("deadlock.default-jdk17.jfr.gz"), Map.of("device", "b"));
            serve.finished(done);
            serve.finished(interrupted);
        }
        // As a kill -9 in mid-analysis leaves it: the row says analyzing, no report was moved into place.
        DataDir dir = DataDir.open(data);
        try (Database db = Database.open(Database.embeddedUrl(dir), "sa", "")) {
            RecordingStore store = new RecordingStore(db);
            store.setState(interrupted, State.ANALYZING, Optional.empty());
            Files.delete(dir.report(interrupted));
        }
        try (ServeFixture serve = new ServeFixture(data)) {
            assertThat(serve.getJson("/api/recordings/" + done).path("state").asText()).isEqualTo("done");
            assertThat(serve.getJson("/api/recordings/" + done + "/report").path("findings")).hasSize(1);
            JsonNode again = serve.finished(interrupted);
            assertThat(again.path("state").asText()).isEqualTo("done");
            assertThat(again.path("verdict").path("worst").path("kind").asText()).isEqualTo("deadlock");
            assertThat(serve.log.toString()).contains("1 analyses queued again");
        }
    }

    @Test
    void theStartRebuildsLostRowsFromSidecarsAndFinishesHalfDoneDeletes() throws Exception {
        String reused;
        String damaged;
        String withoutSidecar;
        String halfDeleted;
        try (ServeFixture serve = new ServeFixture(data)) {
            reused = serve.accepted(TestRecordings.recording("scheduler-leak.default-jdk17.jfr.gz"),
                    Map.of("device", "a"));
            damaged = serve.accepted(TestRecordings.recording("deadlock.default-jdk17.jfr.gz"), Map.of("device", "b"));
            withoutSidecar = serve.accepted(TestRecordings.recording("hikari-healthy.default-jdk17.jfr.gz"),
                    Map.of("device", "c"));
            halfDeleted = serve.accepted(TestRecordings.recording("future-get.default-jdk17.jfr.gz"), Map.of());
            for (String id : List.of(reused, damaged, withoutSidecar, halfDeleted)) {
                assertThat(serve.finished(id).path("state").asText()).isEqualTo("done");
            }
        }
        DataDir dir = DataDir.open(data);
        try (Database db = Database.open(Database.embeddedUrl(dir), "sa", "")) {
            RecordingStore store = new RecordingStore(db);
            // Rows the database lost (as H2 can in a crash), one with its report intact, one with it cut short.
            store.delete(reused);
            store.delete(damaged);
            byte[] report = Files.readAllBytes(dir.report(damaged));
            Files.write(dir.report(damaged), java.util.Arrays.copyOf(report, report.length / 2));
            // A row from before sidecars existed.
            Files.delete(dir.sidecar(withoutSidecar));
            // A delete cut off after its sidecar and upload were gone.
            Files.delete(dir.sidecar(halfDeleted));
            Files.delete(dir.upload(halfDeleted, true));
        }
        try (ServeFixture serve = new ServeFixture(data)) {
            // Read back from the report on disk: done at once, with its labels, not analyzed again.
            JsonNode status = serve.getJson("/api/recordings/" + reused);
            assertThat(status.path("state").asText()).isEqualTo("done");
            assertThat(status.path("labels").path("device").asText()).isEqualTo("a");
            assertThat(status.path("verdict").path("summary").asText()).isEqualTo("critical thread-leak at " + LEAK_SITE);
            assertThat(serve.getJson("/api/findings?label=device:a").path("findings")).hasSize(1);
            // Its report was not valid JSON: analyzed again.
            JsonNode again = serve.finished(damaged);
            assertThat(again.path("state").asText()).isEqualTo("done");
            assertThat(again.path("labels").path("device").asText()).isEqualTo("b");
            assertThat(again.path("verdict").path("worst").path("kind").asText()).isEqualTo("deadlock");
            assertThat(dir.readSidecar(withoutSidecar).labels()).containsExactly(Map.entry("device", "c"));
            assertThat(serve.get("/api/recordings/" + halfDeleted).statusCode()).isEqualTo(404);
            assertThat(dir.report(halfDeleted)).doesNotExist();
            assertThat(serve.log.toString()).contains("1 analyses queued again, 2 lost rows rebuilt from sidecars, "
                    + "1 sidecars written, 1 half-written or half-deleted recordings cleaned up");
        }
    }

    @Test
    void reanalysisDeletionAndRetention() throws Exception {
        ServeFixture.MovableClock clock = new ServeFixture.MovableClock();
        try (ServeFixture serve = new ServeFixture(data, ServeFixture.SMALL, Optional.empty(), clock)) {
            String id = serve.accepted(TestRecordings.recording("scheduler-leak.default-jdk17.jfr.gz"), Map.of("device", "a"));
            serve.finished(id);
            HttpResponse<String> again = serve.http.send(serve.request("/api/recordings/" + id + "/reanalyze")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(serve.finished(id).path("verdict").path("findings").asInt()).isEqualTo(1);
            HttpResponse<String> bulk = serve.http.send(serve.request("/api/reanalyze?label=device:a")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bulk.body()).isEqualTo("{\"queued\":1}");
            serve.finished(id);

            String old = serve.accepted(TestRecordings.recording("deadlock.default-jdk17.jfr.gz"),
                    Map.of("device", "b"));
            DataDir dir = DataDir.open(data);
            // Written before the 202: what the start rebuilds a lost row from.
            Sidecar sidecar = dir.readSidecar(old);
            assertThat(sidecar.fileName()).isEqualTo("deadlock.default-jdk17.jfr.gz");
            assertThat(sidecar.labels()).containsExactly(Map.entry("device", "b"));
            assertThat(sidecar.compressed()).isTrue();
            assertThat(sidecar.bytes()).isEqualTo(Files.size(dir.upload(old, true)));
            serve.finished(old);
            HttpResponse<String> deleted = serve.http.send(serve.request("/api/recordings/" + old).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(serve.get("/api/recordings/" + old).statusCode()).isEqualTo(404);
            assertThat(dir.sidecar(old)).doesNotExist();
            assertThat(dir.upload(old, true)).doesNotExist();
            assertThat(dir.report(old)).doesNotExist();

            clock.now.set(clock.now.get().plus(Duration.ofDays(31)));
            assertThat(serve.server.retain()).isEqualTo(1);
            assertThat(serve.get("/api/recordings/" + id).statusCode()).isEqualTo(404);
            assertThat(dir.upload(id, true)).doesNotExist();
            assertThat(dir.sidecar(id)).doesNotExist();
        }
    }
}
