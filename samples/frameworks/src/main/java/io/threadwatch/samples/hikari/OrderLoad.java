package io.threadwatch.samples.hikari;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;

/**
 * Load for the order service ({@link OrderHttpService}): a burst every 6 to 8 s (the first after
 * 1 s) of 10 clients sending 4 orders each back to back; every eighth order (by id) names an
 * unknown SKU.
 */
public final class OrderLoad {

    private static final int CLIENTS = 10;
    private static final int ORDERS_PER_CLIENT = 4;
    private static final int UNKNOWN_SKU_EVERY = 8;

    private OrderLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        LoadDriver.startBursts(CLIENTS, ORDERS_PER_CLIENT, (burst, client, r) -> {
            int id = burst * CLIENTS * ORDERS_PER_CLIENT + client * ORDERS_PER_CLIENT + 1 + r;
            String sku = id % UNKNOWN_SKU_EVERY == 0 ? "sku-x" + id : "sku-" + id % 40;
            driver.http("POST", "/orders?id=" + id + "&sku=" + sku + "&qty=" + (1 + id % 3), Duration.ofSeconds(8));
        });
    }
}
