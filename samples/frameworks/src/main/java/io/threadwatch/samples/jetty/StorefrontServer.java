package io.threadwatch.samples.jetty;

import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.SampleRun;
import java.net.URI;
import java.time.Duration;
import java.util.function.BiFunction;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The storefront of the Jetty samples, on Jetty 12 ({@code GET /products?id=<n>},
 * {@code GET /stock?id=<n>}): it asks a backend (a second Jetty server on loopback,
 * {@code pricing-backend-N}) for each price through <b>one</b> shared Jetty {@code HttpClient}
 * ({@code pricing-client-N}), started once. The storefront's {@code QueuedThreadPool}
 * ({@code storefront-N}: 4 to 32 threads, 3 s idle timeout) grows on bursts of 40 requests every
 * 6 to 8 s ({@link StorefrontLoad}) and shrinks back between them. The variants differ only in
 * their {@link StorefrontHandler}, which asks the partner's stock API: {@code jettyhealthy} and
 * {@code jettyclientleak}.
 */
public final class StorefrontServer {

    private StorefrontServer() {
    }

    /**
     * Runs the storefront with the handler {@code handlers} makes from the shared pricing client
     * and the backend's address, for the duration in {@code args}.
     */
    public static void run(String[] args, BiFunction<HttpClient, URI, StorefrontHandler> handlers) throws Exception {
        Duration duration = SampleRun.duration(args);
        Server backend = PricingBackend.start();
        URI backendUri = URI.create("http://127.0.0.1:" + ((ServerConnector) backend.getConnectors()[0]).getLocalPort());

        QueuedThreadPool clientThreads = new QueuedThreadPool(8, 2);
        clientThreads.setName("pricing-client");
        HttpClient pricingClient = new HttpClient();
        pricingClient.setExecutor(clientThreads);
        pricingClient.start();

        QueuedThreadPool threads = new QueuedThreadPool(32, 4, 3_000);
        threads.setName("storefront");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(handlers.apply(pricingClient, backendUri));
        server.start();

        LoadGenerator load = LoadGenerator.start(StorefrontLoad.class, connector.getLocalPort(), duration);
        SampleRun.runThenExit(duration, load);
    }
}
