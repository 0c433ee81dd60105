package io.threadwatch.bench.overhead;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Drives a {@link LoopbackService} in another JVM with a closed loop: a fixed number of client
 * threads, each on its own kept-alive connection, sending its next {@code GET /quote} as soon as
 * the previous one is answered. After the warm-up it measures for a fixed time, then prints one
 * line:
 *
 * <pre>requests/s=15135.3 p50_ms=0.784 p99_ms=5.329 requests=378392 errors=0 server_requests=378560
 *     server_seconds=25.005 server_cpu_s=25.030 server_allocated_bytes=8046556280</pre>
 *
 * <p>Throughput and latency are the client's view; CPU time and allocation are the service's own
 * (see {@link ProcessCost}), over its view of the same phase. Latencies of a closed loop
 * understate stalls (a stalled service also stops the clients from sending: coordinated
 * omission), which is acceptable here because the figures are only compared between runs.
 *
 * <pre>java -cp bench/target/classes:bench/target/dependency/* io.threadwatch.bench.overhead.LoadGenerator \
 *     PORT WARMUP_SECONDS MEASURED_SECONDS [CLIENTS]</pre>
 */
public final class LoadGenerator {

    private static final int DEFAULT_CLIENTS = 16;
    /** Latencies up to a minute, to 3 significant digits. */
    private static final long HIGHEST_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** Distinct requests, built once: the client's own CPU competes with the service's for the cores. */
    private static final int DISTINCT_REQUESTS = 1_024;

    private final int port;
    private final List<byte[]> quotes = new ArrayList<>();
    private volatile boolean measuring;
    private volatile boolean stopped;

    private LoadGenerator(int port) {
        this.port = port;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < DISTINCT_REQUESTS; i++) {
            int item = random.nextInt(QuoteHandler.ITEMS);
            int quantity = 1 + random.nextInt(QuoteHandler.MAX_QUANTITY);
            quotes.add(KeepAliveConnection.get("/quote?item=" + item + "&qty=" + quantity));
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: LoadGenerator PORT WARMUP_SECONDS MEASURED_SECONDS [CLIENTS]");
        }
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : DEFAULT_CLIENTS;
        new LoadGenerator(Integer.parseInt(args[0]))
                .run(Duration.ofSeconds(Long.parseLong(args[1])), Duration.ofSeconds(Long.parseLong(args[2])), clients);
    }

    private void run(Duration warmup, Duration measured, int clients) throws IOException, InterruptedException {
        List<Client> running = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            running.add(new Client());
            threads.add(new Thread(running.get(i), "client-" + i));
            threads.get(i).start();
        }
        Properties server;
        double seconds;
        try {
            Thread.sleep(warmup.toMillis());
            stats("start");
            long start = System.nanoTime();
            measuring = true;
            Thread.sleep(measured.toMillis());
            measuring = false;
            seconds = (System.nanoTime() - start) / 1e9;
            // Still under load, so the service's phase ends in the same steady state as it started.
            server = stats("end");
        } finally {
            stopped = true;
        }
        Histogram latency = new Histogram(HIGHEST_LATENCY_NANOS, 3);
        long requests = 0;
        long errors = 0;
        for (int i = 0; i < clients; i++) {
            threads.get(i).join();
            // After join, the client's fields are safely visible here.
            Client client = running.get(i);
            latency.add(client.latency);
            requests += client.requests;
            errors += client.errors;
        }
        System.out.printf("requests/s=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d errors=%d server_requests=%s"
                        + " server_seconds=%.3f server_cpu_s=%.3f server_allocated_bytes=%s%n",
                requests / seconds, latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6,
                requests, errors, server.getProperty("requests"),
                Long.parseLong(server.getProperty("elapsed_nanos")) / 1e9,
                Long.parseLong(server.getProperty("cpu_nanos")) / 1e9, server.getProperty("allocated_bytes"));
    }

    /** A connection of its own each time: the JDK's server closes connections idle for 30 s. */
    private Properties stats(String phase) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int status;
        try (KeepAliveConnection connection = new KeepAliveConnection(port)) {
            status = connection.send(KeepAliveConnection.get("/stats?phase=" + phase), body);
        }
        String answer = body.toString(StandardCharsets.UTF_8);
        if (status != 200) {
            throw new IOException("/stats?phase=" + phase + " answered " + status + ": " + answer);
        }
        Properties values = new Properties();
        values.load(new StringReader(answer));
        return values;
    }

    /** One closed-loop client; only its own thread writes its fields until it ends. */
    private final class Client implements Runnable {
        final Histogram latency = new Histogram(HIGHEST_LATENCY_NANOS, 3);
        long requests;
        long errors;

        @Override
        public void run() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            KeepAliveConnection connection = null;
            while (!stopped) {
                byte[] quote = quotes.get(random.nextInt(quotes.size()));
                long sent = System.nanoTime();
                boolean ok;
                try {
                    if (connection == null) {
                        connection = new KeepAliveConnection(port);
                    }
                    ok = connection.send(quote, null) == 200;
                } catch (IOException e) {
                    ok = false;
                    connection = closeQuietly(connection);
                }
                long nanos = System.nanoTime() - sent;
                if (!measuring) {
                    continue; // warm-up, or after the phase: neither counts, errors included
                }
                if (ok) {
                    latency.recordValue(Math.min(nanos, HIGHEST_LATENCY_NANOS));
                    requests++;
                } else {
                    errors++; // counted, and printed: a run with errors is not comparable
                }
            }
            closeQuietly(connection);
        }

        private KeepAliveConnection closeQuietly(KeepAliveConnection connection) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (IOException e) {
                    // Already broken; the next request opens a new connection and the error is counted.
                }
            }
            return null;
        }
    }
}
