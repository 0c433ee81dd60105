package io.threadwatch.samples.slowleakgateway;

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
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A long-lived device gateway: devices post readings ({@code POST /telemetry?device=<id>}, about
 * 5 a second) to 4 request workers; a session sweeper runs every 30 s; a config watcher reloads
 * the routing configuration every {@code --leak-every} seconds (default 120).
 *
 * <p><b>Problem:</b> every reload starts a new route-refresh scheduler and never shuts the
 * previous one down, so the gateway gains one idle thread per reload, created at
 * {@link RouteConfig#reload}: a slow thread leak (30 an hour at one reload every 2 minutes, 15 an
 * hour at one every 4 minutes) that only a long recording shows. See {@link RouteConfig} for the
 * fix.
 */
public final class DeviceGateway {

    static final Duration DEFAULT_RELOAD_PERIOD = Duration.ofSeconds(120);
    private static final int WORKERS = 4;
    private static final long SWEEP_PERIOD_SECONDS = 30;

    private DeviceGateway() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        SampleRun.Options options = SampleRun.options(args, "--leak-every");
        Duration duration = options.duration();
        long reloadPeriodSeconds = options.seconds("--leak-every", DEFAULT_RELOAD_PERIOD).toSeconds();

        RouteConfig routes = new RouteConfig();
        routes.reload();
        SessionTable sessions = new SessionTable();

        // Healthy schedulers: created once, one thread each, ticking for the whole run.
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("session-sweeper"));
        sweeper.scheduleAtFixedRate(sessions::sweep, SWEEP_PERIOD_SECONDS, SWEEP_PERIOD_SECONDS, TimeUnit.SECONDS);
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("config-watcher"));
        watcher.scheduleAtFixedRate(routes::reload, reloadPeriodSeconds, reloadPeriodSeconds, TimeUnit.SECONDS);

        ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("gateway-worker"));
        workers.prestartAllCoreThreads();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        http.setExecutor(workers);
        http.createContext("/telemetry", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String device = query != null && query.startsWith("device=") ? query.substring(7) : "unknown";
            sessions.touch(device);
            store();
            respond(exchange, "OK " + routes.routeFor(device));
        });
        http.start();

        LoadGenerator load = LoadGenerator.start(GatewayLoad.class, http.getAddress().getPort(), duration);
        SampleRun.runThenExit(duration, load);
    }

    /** Stands in for writing the reading to the time-series store (5 to 15 ms). */
    private static void store() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 16));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
