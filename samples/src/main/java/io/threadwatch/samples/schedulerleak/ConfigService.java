package io.threadwatch.samples.schedulerleak;

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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A configuration service: {@code GET /config} returns the current settings and
 * {@code POST /reload} re-reads them. The load generator reloads every 1.5 s.
 *
 * <p><b>Problem:</b> {@link ConfigReloader#reload} starts a new scheduler, and so a new thread,
 * on every reload and never shuts the previous one down (a thread leak at
 * {@code ConfigReloader.reload}). See {@link ConfigReloader} for the fix.
 */
public final class ConfigService {

    private ConfigService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        ConfigReloader reloader = new ConfigReloader();
        reloader.reload();

        ThreadPoolExecutor httpWorkers = new ThreadPoolExecutor(4, 4, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("http-worker"));
        httpWorkers.prestartAllCoreThreads();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        http.setExecutor(httpWorkers);
        http.createContext("/config", exchange -> respond(exchange, 200, reloader.current().toString()));
        http.createContext("/reload", exchange -> {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "use POST");
                return;
            }
            reloader.reload();
            respond(exchange, 200, "reloaded generation " + reloader.generation());
        });
        http.start();

        LoadGenerator load = LoadGenerator.start(ConfigLoad.class, http.getAddress().getPort(), duration);
        SampleRun.runThenExit(duration, load);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
