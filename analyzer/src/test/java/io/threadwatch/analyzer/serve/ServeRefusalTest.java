package io.threadwatch.analyzer.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadwatch.analyzer.TestRecordings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal of the service: a status, a JSON body that says why, and nothing stored. */
class ServeRefusalTest {

    @TempDir
    Path data;

    @Test
    void badUploadsAreRefusedWithAReason() throws Exception {
        try (ServeFixture serve = new ServeFixture(data)) {
            assertRefused(serve.upload(new byte[0], "empty.jfr", Map.of()), 400, "the upload 'empty.jfr' is empty");
            assertRefused(serve.upload("not a recording".getBytes(), "notes.txt", Map.of()), 422,
                    "'notes.txt' is not a JFR recording");
            assertRefused(serve.upload(gzip("hello".getBytes()), "hello.jfr.gz", Map.of()), 422,
                    "'hello.jfr.gz' is gzip, but not of a JFR recording");
            // 1 MiB limit in the fixture; the raw body is refused while it streams.
            byte[] big = new byte[(1 << 20) + 1];
            big[0] = 'F';
            big[1] = 'L';
            big[2] = 'R';
            HttpResponse<String> raw = serve.http.send(serve.request("/api/recordings?name=big.jfr")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
            assertRefused(raw, 413, "larger than the limit of 1048576 bytes");
            assertRefused(serve.upload(big, "big.jfr", Map.of()), 413, "larger than the limit");
            assertRefused(serve.upload(Files.readAllBytes(TestRecordings.recording("deadlock.default-jdk17.jfr.gz")),
                    "x.jfr.gz", Map.of("../x", "y")), 400, "bad label name");
            assertThat(serve.getJson("/api/recordings").path("recordings")).isEmpty();
            assertThat(storedFiles()).isEmpty();
        }
    }

    @Test
    void aMultipartBodyCutShortIsABadRequestNotAnInternalError() throws Exception {
        // What the service reads when a client dies mid-upload, or sends a form without its closing boundary.
        String cut = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.jfr\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nFLR\0 and no closing boundary";
        try (ServeFixture serve = new ServeFixture(data)) {
            HttpResponse<String> response = serve.http.send(serve.request("/api/recordings")
                    .header("Content-Type", "multipart/form-data; boundary=b0undary")
                    .POST(HttpRequest.BodyPublishers.ofString(cut)).build(), HttpResponse.BodyHandlers.ofString());
            assertRefused(response, 400, "cannot read the multipart upload");
            assertThat(serve.server.waiting()).isZero();
            assertThat(storedFiles()).isEmpty();
        }
    }

    @Test
    void aGzipBombIsAcceptedThenRefusedByTheAnalysisWithoutExpandingIt() throws Exception {
        // 64 MiB of a JFR header and zeros gzip to about 64 KiB; the fixture allows 8 MiB decompressed.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bomb)) {
            out.write(new byte[] {'F', 'L', 'R', 0});
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
        }
        try (ServeFixture serve = new ServeFixture(data)) {
            HttpResponse<String> response = serve.upload(bomb.toByteArray(), "bomb.jfr.gz", Map.of());
            assertThat(response.statusCode()).isEqualTo(202);
            JsonNode status = serve.finished(ServeFixture.JSON.readTree(response.body()).path("id").asText());
            assertThat(status.path("state").asText()).isEqualTo("failed");
            assertThat(status.path("message").asText()).contains("8388608");
            assertThat(status.path("message").asText()).doesNotContain(data.toString());
        }
    }

    @Test
    void anAnalysisOverItsTimeBudgetIsStoppedAndSaysSo() throws Exception {
        ServeLimits limits = new ServeLimits(1L << 20, 8L << 20, 1, 10, 4, Duration.ofMillis(1), 256L << 20, 30);
        try (ServeFixture serve = new ServeFixture(data, limits, Optional.empty(), java.time.Clock.systemUTC())) {
            String id = serve.accepted(TestRecordings.recording("deadlock.default-jdk17.jfr.gz"), Map.of());
            JsonNode status = serve.finished(id);
            assertThat(status.path("state").asText()).isEqualTo("failed");
            assertThat(status.path("message").asText()).isEqualTo("analysis took longer than its budget of 0 s and was stopped");
            HttpResponse<String> report = serve.get("/api/recordings/" + id + "/report");
            assertRefused(report, 409, "no report for recording " + id + " yet: it is failed");
        }
    }

    @Test
    void anAnalysisOverItsHeapBudgetFailsNamingTheBudgetAndTheOption() throws Exception {
        // The smallest budget the service takes; the hour-long recording (111 MB of JFR) needs more, a
        // 30-second one does not.
        ServeLimits limits = new ServeLimits(8L << 20, 256L << 20, 1, 10, 4, Duration.ofMinutes(2), 32L << 20, 30);
        try (ServeFixture serve = new ServeFixture(data, limits, Optional.empty(), java.time.Clock.systemUTC())) {
            String big = serve.accepted(TestRecordings.recording("steady-gateway.long60m-jdk25.jfr.gz"), Map.of());
            String small = serve.accepted(TestRecordings.recording("deadlock.default-jdk17.jfr.gz"), Map.of());
            JsonNode status = serve.finished(big);
            assertThat(status.path("state").asText()).isEqualTo("failed");
            assertThat(status.path("message").asText()).isEqualTo("analysis ran out of its 32 MB heap budget "
                    + "(--analysis-heap): start the service with a larger one, e.g. --analysis-heap 64m, and "
                    + "re-analyze this recording");
            assertThat(serve.finished(small).path("state").asText()).isEqualTo("done");
        }
    }

    @Test
    void uploadsAndDeletesNeedTheToken() throws Exception {
        try (ServeFixture withToken = new ServeFixture(data, ServeFixture.SMALL, Optional.of("s3cret"),
                java.time.Clock.systemUTC())) {
            byte[] recording = Files.readAllBytes(TestRecordings.recording("deadlock.default-jdk17.jfr.gz"));
            HttpResponse<String> missing = withToken.http.send(HttpRequest.newBuilder(withToken.uri("/api/recordings"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(recording)).build(), HttpResponse.BodyHandlers.ofString());
            assertRefused(missing, 401, "needs a bearer token");
            HttpResponse<String> wrong = withToken.http.send(HttpRequest.newBuilder(withToken.uri("/api/recordings"))
                    .header("Authorization", "Bearer guess").POST(HttpRequest.BodyPublishers.ofByteArray(recording)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertRefused(wrong, 403, "wrong bearer token");
            String id = withToken.accepted(TestRecordings.recording("deadlock.default-jdk17.jfr.gz"), Map.of());
            HttpResponse<String> delete = withToken.http.send(HttpRequest.newBuilder(withToken.uri("/api/recordings/" + id))
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertRefused(delete, 401, "needs a bearer token");
            // Reading needs no token.
            assertThat(withToken.get("/api/recordings/" + id).statusCode()).isEqualTo(200);
            withToken.finished(id);
        }
    }

    @Test
    void aRefusedSmallBodyIsReadSoTheClientSeesTheAnswerAndKeepsItsConnection() throws Exception {
        try (ServeFixture withToken = new ServeFixture(data, ServeFixture.SMALL, Optional.of("s3cret"),
                java.time.Clock.systemUTC());
             Socket socket = new Socket(withToken.uri("/").getHost(), withToken.uri("/").getPort())) {
            socket.setSoTimeout(10_000);
            byte[] recording = Files.readAllBytes(TestRecordings.recording("deadlock.default-jdk17.jfr.gz"));
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/recordings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + recording.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // The whole body is sent before the answer is read, as a client does that does not expect a refusal.
            out.write(recording);
            out.flush();
            String refusal = RawHttp.response(socket.getInputStream());
            assertThat(refusal).startsWith("HTTP/1.1 401").contains("needs a bearer token")
                    .doesNotContainIgnoringCase("connection: close");
            out.write("GET /api/recordings HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(RawHttp.response(socket.getInputStream())).as("the same connection serves the next request")
                    .startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aClientThatExpects100ContinueIsRefusedBeforeItSendsTheBody() throws Exception {
        try (ServeFixture withToken = new ServeFixture(data, ServeFixture.SMALL, Optional.of("s3cret"),
                java.time.Clock.systemUTC());
             Socket socket = new Socket(withToken.uri("/").getHost(), withToken.uri("/").getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/recordings HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: 5000000\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String refusal = RawHttp.response(socket.getInputStream());
            assertThat(refusal).as("no 100 Continue: the body is not wanted").startsWith("HTTP/1.1 401")
                    .containsIgnoringCase("connection: close");
        }
    }

    @Test
    void aFullQueueAnswers503AndTooManyUploads429WithRetryAfter() throws Exception {
        ServeLimits oneQueued = new ServeLimits(1L << 20, 8L << 20, 1, 1, 4, Duration.ofMinutes(2), 256L << 20, 30);
        try (ServeFixture serve = new ServeFixture(data, oneQueued, Optional.empty(), java.time.Clock.systemUTC())) {
            try (HeldUpload held = new HeldUpload(serve)) {
                HttpResponse<String> full = serve.upload(new byte[] {'F', 'L', 'R', 0}, "x.jfr", Map.of());
                assertRefused(full, 503, "the analysis queue is full");
                assertThat(full.headers().firstValue("Retry-After")).hasValue("30");
            }
        }
        ServeLimits oneUpload = new ServeLimits(1L << 20, 8L << 20, 1, 10, 1, Duration.ofMinutes(2), 256L << 20, 30);
        try (ServeFixture serve = new ServeFixture(data, oneUpload, Optional.empty(), java.time.Clock.systemUTC())) {
            try (HeldUpload held = new HeldUpload(serve)) {
                HttpResponse<String> busy = serve.upload(new byte[] {'F', 'L', 'R', 0}, "x.jfr", Map.of());
                assertRefused(busy, 429, "too many uploads at once");
                assertThat(busy.headers().firstValue("Retry-After")).hasValue("2");
            }
        }
    }

    @Test
    void unknownIdsAndPathLikeNamesNeverReachTheFileSystem() throws Exception {
        try (ServeFixture serve = new ServeFixture(data)) {
            assertRefused(serve.get("/api/recordings/0123456789abcdef01234567"), 404, "no recording '0123456789abcdef01234567'");
            assertRefused(serve.get("/api/recordings/..%2F..%2Fetc%2Fpasswd/report"), 404, "no recording");
            assertThat(serve.get("/recordings/..%2Freports").statusCode()).isEqualTo(404);
            String id = serve.accepted(TestRecordings.recording("deadlock.default-jdk17.jfr.gz"), Map.of());
            HttpResponse<String> pathLike = serve.upload(
                    Files.readAllBytes(TestRecordings.recording("deadlock.default-jdk17.jfr.gz")), "../../etc/passwd",
                    Map.of());
            assertThat(pathLike.statusCode()).isEqualTo(202);
            JsonNode row = ServeFixture.JSON.readTree(pathLike.body());
            assertThat(row.path("fileName").asText()).isEqualTo("passwd");
            assertThat(storedFiles()).allSatisfy(f -> assertThat(f.getFileName().toString())
                    .matches("[0-9a-f]{24}\\.(jfr\\.gz|meta\\.json|json)(\\.part)?|MultiPart\\d+"));
            serve.finished(id);
            serve.finished(row.path("id").asText());
        }
    }

    private Stream<Path> storedFiles() throws IOException {
        return Files.walk(data).filter(Files::isRegularFile)
                .filter(f -> !f.getFileName().toString().startsWith("threadwatch."))
                .toList().stream();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = ServeFixture.JSON.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("error").asText()).contains(message);
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    /** An upload whose body the test holds open: the server is receiving it until close(). */
    private static final class HeldUpload implements AutoCloseable {
        private final Socket socket;

        HeldUpload(ServeFixture serve) throws Exception {
            socket = new Socket("127.0.0.1", serve.server.port());
            OutputStream out = socket.getOutputStream();
            // Promises 1000 bytes, sends 4: the server waits for the rest while it holds its places.
            out.write(("POST /api/recordings?name=held.jfr HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: 1000\r\n\r\nFLR\0")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // A barrier on the server's own state: the held upload has its place in the queue.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (serve.server.waiting() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the held upload never reached the server");
                }
                Thread.sleep(10);
            }
        }

        @Override
        public void close() throws IOException {
            // Cut off mid-upload: the server refuses it and gives back its places.
            socket.close();
        }
    }
}
