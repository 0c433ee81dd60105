package io.threadwatch.samples.hikarileak;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Load for {@link OrderService}: a burst every 6 to 8 s (the first after 1 s) of 10 clients
 * sending 4 orders each back to back; every eighth order (by id) names an unknown SKU.
 */
public final class OrderLoad {

    private static final int CLIENTS = 10;
    private static final int ORDERS_PER_CLIENT = 4;
    private static final int UNKNOWN_SKU_EVERY = 8;

    private OrderLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        LoadDriver.startClient("bursts", () -> {
            LoadDriver.pause(1_000);
            for (int burst = 0; ; burst++) {
                CountDownLatch done = new CountDownLatch(CLIENTS);
                for (int c = 0; c < CLIENTS; c++) {
                    int first = burst * CLIENTS * ORDERS_PER_CLIENT + c * ORDERS_PER_CLIENT + 1;
                    LoadDriver.startClient("client-" + c, () -> {
                        for (int id = first; id < first + ORDERS_PER_CLIENT; id++) {
                            String sku = id % UNKNOWN_SKU_EVERY == 0 ? "sku-x" + id : "sku-" + id % 40;
                            driver.http("POST", "/orders?id=" + id + "&sku=" + sku + "&qty=" + (1 + id % 3), Duration.ofSeconds(8));
                        }
                        done.countDown();
                    });
                }
                try {
                    done.await();
                } catch (InterruptedException e) {
                    return;
                }
                LoadDriver.pause(6_000 + (burst * 677L) % 2_000);
            }
        });
    }
}
