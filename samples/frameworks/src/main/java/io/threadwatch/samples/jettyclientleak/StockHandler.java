package io.threadwatch.samples.jettyclientleak;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Product pages ({@code /products}) get their price through the shared client; stock pages
 * ({@code /stock}) ask the partner's stock API.
 *
 * <p><b>Bug:</b> {@link #fetchPartnerStock} builds and starts a new {@code HttpClient} for each
 * call ("the partner API needs its own settings") and never calls {@code stop()}. A started
 * Jetty client owns a {@code QueuedThreadPool} whose 8 core threads never end, and a scheduler
 * thread, so every stock request leaks about 9 threads. <b>Fix:</b> one partner client, created
 * and started with the service and stopped with it (or at least {@code stop()} in a
 * {@code finally}).
 */
final class StockHandler extends Handler.Abstract {

    private final HttpClient pricingClient;
    private final URI backend;

    StockHandler(HttpClient pricingClient, URI backend) {
        this.pricingClient = pricingClient;
        this.backend = backend;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String id = Request.extractQueryParameters(request).getValue("id");
        String answer = request.getHttpURI().getPath().startsWith("/stock")
                ? "stock " + id + " " + fetchPartnerStock(id)
                : "product " + id + " price " + pricingClient.newRequest(backend.resolve("/price?id=" + id))
                        .timeout(2, TimeUnit.SECONDS).send().getContentAsString();
        response.write(true, StandardCharsets.UTF_8.encode(answer + "\n"), callback);
        return true;
    }

    private String fetchPartnerStock(String id) throws Exception {
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
