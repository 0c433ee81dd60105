package io.threadwatch.samples.otel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.NamedThreadFactory;
import io.threadwatch.samples.support.SampleRun;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The checkout API of the OpenTelemetry samples ({@code POST /checkout?tenant=<t>&cart=<n>}, 4
 * request workers {@code api-worker-N}), instrumented with the OpenTelemetry SDK: spans go
 * through a {@code BatchSpanProcessor} to a collector endpoint on loopback (a small HTTP server,
 * {@code collector-worker-1}), plus a hand-written {@link MetricsExporter} thread that polls its
 * queue every 5 s. Bursts of 24 checkouts every 6 to 8 s ({@link CheckoutLoad}). The variants
 * differ only in their {@link Tracers}, which give a request its tracer: {@code otelhealthy} and
 * {@code oteltracerleak}.
 */
public final class CheckoutServer {

    static final AttributeKey<String> TENANT = AttributeKey.stringKey("tenant");

    private CheckoutServer() {
    }

    /** Runs the checkout API with the tracers {@code tracers} makes for the span exporter, for the duration in {@code args}. */
    public static void run(String[] args, Function<SpanExporter, Tracers> tracers) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        HttpServer collectorEndpoint = startCollector();
        CollectorClient collector = new CollectorClient(URI.create("http://127.0.0.1:" + collectorEndpoint.getAddress().getPort()));

        Tracers tracing = tracers.apply(new CollectorSpanExporter(collector));
        MetricsExporter metrics = new MetricsExporter(collector);
        Thread exporter = new Thread(metrics, "metrics-exporter");
        exporter.setDaemon(true);
        exporter.start();

        ThreadPoolExecutor workers = new ThreadPoolExecutor(4, 4, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("api-worker"));
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        http.setExecutor(workers);
        http.createContext("/checkout", exchange -> {
            String tenant = param(exchange, "tenant");
            long started = System.nanoTime();
            Tracer tracer = tracing.tracerFor(tenant);
            Span span = tracer.spanBuilder("POST /checkout").setAttribute(TENANT, tenant).startSpan();
            Scope scope = span.makeCurrent();
            try {
                respond(exchange, "OK " + priceCart(param(exchange, "cart")));
            } finally {
                scope.close();
                span.end();
                metrics.record("checkout.duration.micros{tenant=" + tenant + "}", (System.nanoTime() - started) / 1_000);
            }
        });
        http.start();

        LoadGenerator load = LoadGenerator.start(CheckoutLoad.class, http.getAddress().getPort(), duration);
        SampleRun.runThenExit(duration, load);
    }

    /** The collector endpoint the exporters post to: accepts and counts. */
    private static HttpServer startCollector() throws IOException {
        HttpServer collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        collector.setExecutor(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                new NamedThreadFactory("collector-worker")));
        collector.createContext("/v1/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, "ACCEPTED");
        });
        collector.start();
        return collector;
    }

    /** Stands in for pricing the cart against the catalog and promotions (10 to 30 ms). */
    private static long priceCart(String cart) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 31));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 500 + Math.floorMod(cart.hashCode(), 20_000);
    }

    static String param(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return "none";
    }

    static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
