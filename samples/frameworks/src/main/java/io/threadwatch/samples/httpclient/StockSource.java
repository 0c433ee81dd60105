package io.threadwatch.samples.httpclient;

import java.io.IOException;

/** Where the gateway gets a stock level: each variant's own use of the shared client. */
public interface StockSource {

    /** The stock level of {@code sku} as the warehouse tells it, or {@code "unknown"}. */
    String fetch(String sku) throws IOException;
}
