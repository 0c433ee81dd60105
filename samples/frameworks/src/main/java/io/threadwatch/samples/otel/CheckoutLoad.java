package io.threadwatch.samples.otel;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;

/**
 * Load for the checkout API ({@link CheckoutServer}): a burst every 6 to 8 s (the first after 1 s) of 6 clients
 * (one per tenant) sending 4 checkouts each back to back, then nothing until the next burst.
 */
public final class CheckoutLoad {

    private static final int CLIENTS = 6;
    private static final int REQUESTS_PER_CLIENT = 4;

    private CheckoutLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        LoadDriver.startBursts(CLIENTS, REQUESTS_PER_CLIENT, (burst, client, r) -> {
            String tenant = "tenant-" + (char) ('a' + client);
            driver.http("POST", "/checkout?tenant=" + tenant + "&cart=" + (burst * 100 + client * REQUESTS_PER_CLIENT + r), Duration.ofSeconds(5));
        });
    }
}
