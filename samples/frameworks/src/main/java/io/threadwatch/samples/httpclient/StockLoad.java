package io.threadwatch.samples.httpclient;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;

/**
 * Load for the stock gateway ({@link StockGatewayServer}): a burst every 6 to 8 s (the first
 * after 1 s) of 10 clients sending 4 requests each back to back; every tenth request (by number)
 * asks for an unknown SKU.
 */
public final class StockLoad {

    private static final int CLIENTS = 10;
    private static final int REQUESTS_PER_CLIENT = 4;
    private static final int UNKNOWN_SKU_EVERY = 10;

    private StockLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        LoadDriver.startBursts(CLIENTS, REQUESTS_PER_CLIENT, (burst, client, r) -> {
            int n = burst * CLIENTS * REQUESTS_PER_CLIENT + client * REQUESTS_PER_CLIENT + 1 + r;
            String sku = n % UNKNOWN_SKU_EVERY == 0 ? "old-" + n : "sku-" + n % 40;
            driver.http("GET", "/stock?sku=" + sku, Duration.ofSeconds(5));
        });
    }
}
