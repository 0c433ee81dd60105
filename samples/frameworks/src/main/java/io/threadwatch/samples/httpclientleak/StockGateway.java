package io.threadwatch.samples.httpclientleak;

import io.threadwatch.samples.httpclient.StockGatewayServer;

/**
 * The stock gateway of {@link StockGatewayServer} ({@code GET /stock?sku=<sku>}, 8 request
 * workers) that asks a warehouse backend (404 with a body for unknown SKUs) through one shared
 * Apache HttpClient 5 classic client: a {@code PoolingHttpClientConnectionManager} with 4
 * connections per route. One request in ten asks for an unknown SKU. Bursts of 40 requests every
 * 6 to 8 s.
 *
 * <p><b>Problem:</b> {@link StockClient#fetch} never closes a non-200 response, so the 4 unknown
 * SKUs of the first burst take the route's 4 connections for good (at about 1.5 s); from then on
 * every request worker waits in the pool's lease (3 minute default timeout) for the rest of the
 * recording: all 8 stuck (blocked forever at {@code StockClient.fetch}). See {@link StockClient}
 * for the fix.
 */
public final class StockGateway {

    private StockGateway() {
    }

    public static void main(String[] args) throws Exception {
        StockGatewayServer.run(args, StockClient::new);
    }
}
