package io.threadwatch.samples.httpclient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.util.function.BiFunction;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;

/**
 * The stock gateway of the Apache HttpClient samples ({@code GET /stock?sku=<sku>}, 8 request
 * workers {@code gateway-worker-N}): it asks a warehouse backend (a second HTTP server on
 * loopback, 5 to 20 ms per answer, 404 with a body for unknown SKUs) through one shared Apache
 * HttpClient 5 classic client: a {@code PoolingHttpClientConnectionManager} with 4 connections per
 * route, and an idle-connection evictor thread. One request in ten asks for an unknown SKU;
 * bursts of 40 requests every 6 to 8 s ({@link StockLoad}). The variants differ only in their
 * {@link StockSource}, which reads the responses: {@code httpclienthealthy} and
 * {@code httpclientleak}.
 */
public final class StockGatewayServer {

    static final int WORKERS = 8;
    static final int CONNECTIONS_PER_ROUTE = 4;

    private StockGatewayServer() {
    }

    /**
     * Runs the gateway with the stock source {@code sources} makes from the shared client and the
     * warehouse's address, for the duration in {@code args}.
     */
    public static void run(String[] args, BiFunction<CloseableHttpClient, URI, StockSource> sources)
            throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        HttpServer warehouse = startWarehouse();
        URI warehouseUri = URI.create("http://127.0.0.1:" + warehouse.getAddress().getPort());

        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(CONNECTIONS_PER_ROUTE)
                .setMaxConnTotal(20)
                .build();
        CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(connections)
                .evictIdleConnections(TimeValue.ofSeconds(10))
                .build();
        StockSource stock = sources.apply(http, warehouseUri);

        ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("gateway-worker"));
        workers.prestartAllCoreThreads();
        HttpServer gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        gateway.setExecutor(workers);
        gateway.createContext("/stock", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String sku = query != null && query.startsWith("sku=") ? query.substring(4) : "none";
            respond(exchange, 200, "STOCK " + sku + " " + stock.fetch(sku));
        });
        gateway.start();

        LoadGenerator load = LoadGenerator.start(StockLoad.class, gateway.getAddress().getPort(), duration);
        SampleRun.runThenExit(duration, load);
    }

    /** The warehouse backend: known SKUs ({@code sku-N}) answer 200 with a level, others 404 with an error body. */
    private static HttpServer startWarehouse() throws IOException {
        ThreadPoolExecutor workers = new ThreadPoolExecutor(4, 4, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("warehouse-worker"));
        HttpServer warehouse = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        warehouse.setExecutor(workers);
        warehouse.createContext("/levels/", exchange -> {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, 21)); // the warehouse lookup
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String sku = exchange.getRequestURI().getPath().substring("/levels/".length());
            if (sku.matches("sku-\\d+")) {
                respond(exchange, 200, Integer.toString(Math.floorMod(sku.hashCode(), 500)));
            } else {
                respond(exchange, 404, "{\"error\": \"unknown sku\", \"sku\": \"" + sku + "\", \"hint\": \"check the catalog feed\"}");
            }
        });
        warehouse.start();
        return warehouse;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
