package io.threadwatch.samples.otel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Posts telemetry to the collector endpoint (HTTP on loopback, 2 s timeouts). */
final class CollectorClient {

    private static final int TIMEOUT_MILLIS = 2_000;

    private final URI collector;

    CollectorClient(URI collector) {
        this.collector = collector;
    }

    /** Posts one body to {@code path}; returns whether the collector accepted it. */
    boolean post(String path, String body) {
        try {
            HttpURLConnection connection = (HttpURLConnection) collector.resolve(path).toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            try (InputStream in = connection.getInputStream()) {
                in.readAllBytes();
            }
            return status == 200;
        } catch (IOException e) {
            return false; // telemetry is best effort: the exporter drops the batch
        }
    }
}
