package io.threadwatch.samples.tomcathealthy;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;

/**
 * Load for {@link CatalogService}: a burst every 6 to 8 s (the first after 1 s) of 12 clients
 * sending 4 requests each back to back, then nothing until the next burst.
 */
public final class CatalogLoad {

    private static final int CLIENTS = 12;
    private static final int REQUESTS_PER_CLIENT = 4;

    private CatalogLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        LoadDriver.startBursts(CLIENTS, REQUESTS_PER_CLIENT, (burst, client, r) ->
                driver.http("GET", "/products?id=" + (burst * 97 + client * 7 + r), Duration.ofSeconds(5)));
    }
}
