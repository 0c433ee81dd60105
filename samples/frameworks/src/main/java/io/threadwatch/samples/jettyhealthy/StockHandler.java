package io.threadwatch.samples.jettyhealthy;

import io.threadwatch.samples.jetty.StorefrontHandler;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;

/**
 * Asks the partner's stock API for the storefront's stock pages through <b>one</b> partner
 * client ("the partner API needs its own settings"): a bean of this handler, so the server starts
 * it with the service and stops it at shutdown. Its thread pool ({@code HttpClient@<hash>-N})
 * is created once and sits idle between bursts.
 */
final class StockHandler extends StorefrontHandler {

    private final HttpClient partnerClient = new HttpClient();

    StockHandler(HttpClient pricingClient, URI backend) {
        super(pricingClient, backend);
        partnerClient.setConnectTimeout(1_000);
        addBean(partnerClient); // started and stopped with the handler, so with the server
    }

    @Override
    protected String fetchPartnerStock(String id) throws Exception {
        return partnerClient.newRequest(backend.resolve("/partner-stock?id=" + id))
                .timeout(2, TimeUnit.SECONDS)
                .send()
                .getContentAsString();
    }
}
