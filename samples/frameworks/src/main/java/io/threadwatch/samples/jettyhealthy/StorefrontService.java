package io.threadwatch.samples.jettyhealthy;

import io.threadwatch.samples.jetty.StorefrontServer;

/**
 * Healthy control: the Jetty 12 storefront of {@link StorefrontServer} ({@code GET /products},
 * {@code GET /stock}) with one shared pricing client, started once, and one partner client in
 * {@link StockHandler}, started with the server. The storefront's pool ({@code storefront-N})
 * grows on bursts of 40 requests every 6 to 8 s and shrinks back between them; the clients' pools
 * and the backend's ({@code pricing-backend-N}) sit idle between bursts. Expected findings: none.
 */
public final class StorefrontService {

    private StorefrontService() {
    }

    public static void main(String[] args) throws Exception {
        StorefrontServer.run(args, StockHandler::new);
    }
}
