package io.threadwatch.samples.jettyclientleak;

import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.SampleRun;
import java.net.URI;
import java.time.Duration;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A storefront on Jetty 12 ({@code GET /products?id=<n>}, {@code GET /stock?id=<n>}) that asks a
 * backend (a second Jetty server on loopback) for prices through one shared Jetty
 * {@code HttpClient}, and for partner stock levels through {@link StockHandler}.
 *
 * <p><b>Problem:</b> {@link StockHandler} creates and starts a new {@code HttpClient} for every
 * stock request and never stops it. Each started client keeps its own thread pool
 * ({@code HttpClient@<hash>-N}, 8 idle threads it never lets go of) and scheduler, so about 9
 * threads leak per stock request (a thread leak at {@code StockHandler.fetchPartnerStock}). See
 * {@link StockHandler} for the fix.
 */
public final class StorefrontService {

    private StorefrontService() {
    }

    public static void main(String[] args) throws Exception {
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
        server.setHandler(new StockHandler(pricingClient, backendUri));
        server.start();

        LoadGenerator load = LoadGenerator.start(StorefrontLoad.class, connector.getLocalPort(), duration);
        SampleRun.runThenExit(duration, load);
    }
}
