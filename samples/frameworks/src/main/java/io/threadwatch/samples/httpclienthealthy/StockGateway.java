package io.threadwatch.samples.httpclienthealthy;

import io.threadwatch.samples.httpclient.StockGatewayServer;

/**
 * Healthy control: the stock gateway of {@link StockGatewayServer} (8 request workers, one shared
 * Apache HttpClient 5 classic client with 4 connections per route to the warehouse backend).
 * {@link StockClient} reads every response through a response handler, which releases the
 * connection on every path, also for the unknown SKUs (one request in ten). Bursts of 40 requests
 * every 6 to 8 s. Expected findings: none.
 */
public final class StockGateway {

    private StockGateway() {
    }

    public static void main(String[] args) throws Exception {
        StockGatewayServer.run(args, StockClient::new);
    }
}
