package io.threadwatch.samples.httpclienthealthy;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Load for {@link StockGateway}: a burst every 6 to 8 s (the first after 1 s) of 10 clients
 * sending 4 requests each back to back; every tenth request (by number) asks for an unknown SKU.
 */
public final class StockLoad {

    private static final int CLIENTS = 10;
    private static final int REQUESTS_PER_CLIENT = 4;
    private static final int UNKNOWN_SKU_EVERY = 10;

    private StockLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        LoadDriver.startClient("bursts", () -> {
            LoadDriver.pause(1_000);
            for (int burst = 0; ; burst++) {
                CountDownLatch done = new CountDownLatch(CLIENTS);
                for (int c = 0; c < CLIENTS; c++) {
                    int first = burst * CLIENTS * REQUESTS_PER_CLIENT + c * REQUESTS_PER_CLIENT + 1;
                    LoadDriver.startClient("client-" + c, () -> {
                        for (int n = first; n < first + REQUESTS_PER_CLIENT; n++) {
                            String sku = n % UNKNOWN_SKU_EVERY == 0 ? "old-" + n : "sku-" + n % 40;
                            driver.http("GET", "/stock?sku=" + sku, Duration.ofSeconds(5));
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
