package io.threadwatch.samples.jettyclientleak;

import io.threadwatch.samples.jetty.StorefrontHandler;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;

/**
 * Asks the partner's stock API for the storefront's stock pages.
 *
 * <p><b>Bug:</b> {@link #fetchPartnerStock} builds and starts a new {@code HttpClient} for each
 * call ("the partner API needs its own settings") and never calls {@code stop()}. A started
 * Jetty client owns a {@code QueuedThreadPool} whose 8 core threads never end, and a scheduler
 * thread, so every stock request leaks about 9 threads. <b>Fix:</b> one partner client, created
 * and started with the service and stopped with it (or at least {@code stop()} in a
 * {@code finally}).
 */
final class StockHandler extends StorefrontHandler {

    StockHandler(HttpClient pricingClient, URI backend) {
        super(pricingClient, backend);
    }

    @Override
    protected String fetchPartnerStock(String id) throws Exception {
        // The bug: a new client (thread pool, scheduler, selector) per call, never stopped.
        HttpClient partnerClient = new HttpClient();
        partnerClient.setConnectTimeout(1_000);
        partnerClient.start();
        ContentResponse stock = partnerClient.newRequest(backend.resolve("/partner-stock?id=" + id))
                .timeout(2, TimeUnit.SECONDS)
                .send();
        return stock.getContentAsString();
    }
}
