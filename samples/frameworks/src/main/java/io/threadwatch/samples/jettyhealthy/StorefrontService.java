package io.threadwatch.samples.jettyhealthy;

import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.SampleRun;
import java.net.URI;
import java.time.Duration;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Healthy control: a storefront on Jetty 12 ({@code GET /products?id=<n>}) that asks a pricing
 * backend (a second Jetty server on loopback) for each price through <b>one</b> shared Jetty
 * {@code HttpClient}, started once and stopped at shutdown. The storefront's
 * {@code QueuedThreadPool} ({@code storefront-N}: 4 to 32 threads, 3 s idle timeout) grows on
 * bursts of 40 requests every 6 to 8 s and shrinks back between them; the client's pool
 * ({@code pricing-client-N}) and the backend's ({@code pricing-backend-N}) sit idle between
 * bursts. Expected findings: none.
 */
public final class StorefrontService {

    private StorefrontService() {
    }

    public static void main(String[] args) throws Exception {
        Duration duration = SampleRun.duration(args);
        Server backend = PricingBackend.start();
        URI pricing = URI.create("http://127.0.0.1:" + ((ServerConnector) backend.getConnectors()[0]).getLocalPort());

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
        server.setHandler(new ProductHandler(pricingClient, pricing));
        server.start();

        LoadGenerator load = LoadGenerator.start(StorefrontLoad.class, connector.getLocalPort(), duration);
        SampleRun.runThenExit(duration, load);
    }
}
