package io.threadwatch.samples.jettyclientleak;

import io.threadwatch.samples.jetty.StorefrontServer;

/**
 * The Jetty 12 storefront of {@link StorefrontServer} ({@code GET /products?id=<n>},
 * {@code GET /stock?id=<n>}) that asks a backend (a second Jetty server on loopback) for prices
 * through one shared Jetty {@code HttpClient}, and for partner stock levels through
 * {@link StockHandler}.
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
        StorefrontServer.run(args, StockHandler::new);
    }
}
