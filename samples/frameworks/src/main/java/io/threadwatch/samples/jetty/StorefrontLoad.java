package io.threadwatch.samples.jetty;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;

/**
 * Load for the storefront ({@link StorefrontServer}): a burst every 6 to 8 s (the first after 1 s)
 * of 10 clients sending 4 requests each back to back; one request in eight (every eighth id) is a
 * stock page, about 5 per burst.
 */
public final class StorefrontLoad {

    private static final int CLIENTS = 10;
    private static final int REQUESTS_PER_CLIENT = 4;
    private static final int STOCK_EVERY = 8;

    private StorefrontLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        LoadDriver.startBursts(CLIENTS, REQUESTS_PER_CLIENT, (burst, client, r) -> {
            int id = burst * 100 + client * REQUESTS_PER_CLIENT + r;
            String page = id % STOCK_EVERY == 0 ? "/stock" : "/products";
            driver.http("GET", page + "?id=" + id, Duration.ofSeconds(5));
        });
    }
}
