package io.threadwatch.samples.steadygateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.NamedThreadFactory;
import io.threadwatch.samples.support.SampleRun;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Healthy long control: a device upload gateway meant to run for an hour.
 * {@code POST /upload} is served by {@code Executors.newFixedThreadPool(200)}, which starts a new
 * thread for each of its first 200 tasks whatever the load: at about one request a second at
 * first it grows linearly for about 3 minutes, then stays at 200 for the rest of the run.
 * Traffic ramps from 1 to 4 requests a second over the first 10 minutes, then holds. From 4
 * minutes on, a batch of 16 conversions every 90 s fans out to a cached pool (0..32, 30 s
 * keep-alive) that grows to 16 and shrinks back to none. A metrics flusher ticks every 15 s.
 * Expected findings: none (a pool that fills to its fixed size and stays flat is not a leak).
 */
public final class UploadGateway {

    private static final int UPLOAD_WORKERS = 200;
    private static final int MAX_CONVERTERS = 32;
    private static final long CONVERTER_KEEP_ALIVE_SECONDS = 30;
    private static final long FLUSH_PERIOD_SECONDS = 15;

    private UploadGateway() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        ExecutorService uploadWorkers = Executors.newFixedThreadPool(UPLOAD_WORKERS, new NamedThreadFactory("upload-worker"));
        ThreadPoolExecutor converters = new ThreadPoolExecutor(0, MAX_CONVERTERS, CONVERTER_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new NamedThreadFactory("batch-converter"));
        LongAdder uploads = new LongAdder();
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("metrics-flusher"));
        flusher.scheduleAtFixedRate(uploads::reset, FLUSH_PERIOD_SECONDS, FLUSH_PERIOD_SECONDS, TimeUnit.SECONDS);

        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        http.setExecutor(uploadWorkers);
        http.createContext("/upload", exchange -> {
            pause(10, 31); // stands in for writing the upload to object storage
            uploads.increment();
            respond(exchange, 200, "STORED");
        });
        http.createContext("/batch", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            int items = query != null && query.startsWith("items=") ? Integer.parseInt(query.substring(6)) : 1;
            for (int i = 0; i < items; i++) {
                converters.execute(() -> pause(200, 401)); // stands in for converting one file
            }
            respond(exchange, 202, "ACCEPTED " + items);
        });
        http.start();

        LoadGenerator load = LoadGenerator.start(UploadLoad.class, http.getAddress().getPort(), duration);
        SampleRun.runThenExit(duration, load);
    }

    private static void pause(long fromMillis, long toMillisExclusive) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(fromMillis, toMillisExclusive));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
