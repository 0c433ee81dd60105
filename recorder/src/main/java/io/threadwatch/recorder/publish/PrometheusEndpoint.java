package io.threadwatch.recorder.publish;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.threadwatch.recorder.safety.DaemonThreads;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;

/**
 * Serves the Threadwatch meters for Prometheus at {@code http://<host>:<port>/metrics} from the
 * agent, on one daemon thread, with a registry of its own (never the host's).
 */
public final class PrometheusEndpoint implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpServer server;
    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(DaemonThreads.named("threadwatch-prometheus"));

    /** Binds {@code address} (port 0 picks a free port) and serves {@code metrics}. */
    public PrometheusEndpoint(InetSocketAddress address, ThreadwatchMetrics metrics) throws IOException {
        try {
            metrics.bindTo(registry);
            server = HttpServer.create(address, 8);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            registry.close();
            throw e;
        }
        server.createContext("/metrics", exchange -> {
            try (exchange) {
                byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.setExecutor(executor);
        startOnDaemonThread();
    }

    /**
     * Starts the server from a daemon thread. The JDK's server starts its dispatcher thread
     * ({@code HTTP-Dispatcher}) without setting its daemon flag, so it inherits the caller's: started
     * from an application's main thread (the library API, or the agent with {@code sync-start}), it
     * would keep the JVM alive after main returned (observed on 17.0.15 and 25.0.3).
     */
    private void startOnDaemonThread() throws IOException {
        FutureTask<Void> start = new FutureTask<>(server::start, null);
        DaemonThreads.named("threadwatch-prometheus-start").newThread(start).start();
        try {
            start.get();
        } catch (ExecutionException e) {
            close();
            throw new IOException("cannot start the Prometheus endpoint: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted while starting the Prometheus endpoint", e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        registry.close();
    }
}
