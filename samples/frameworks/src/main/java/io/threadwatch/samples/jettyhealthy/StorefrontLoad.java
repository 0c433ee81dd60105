package io.threadwatch.samples.jettyhealthy;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Load for {@link StorefrontService}: a burst every 6 to 8 s (the first after 1 s) of 10 clients
 * sending 4 requests each back to back, then nothing until the next burst.
 */
public final class StorefrontLoad {

    private static final int CLIENTS = 10;
    private static final int REQUESTS_PER_CLIENT = 4;

    private StorefrontLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        LoadDriver.startClient("bursts", () -> {
            LoadDriver.pause(1_000);
            for (int burst = 0; ; burst++) {
                CountDownLatch done = new CountDownLatch(CLIENTS);
                for (int c = 0; c < CLIENTS; c++) {
                    int first = burst * 100 + c * REQUESTS_PER_CLIENT;
                    LoadDriver.startClient("client-" + c, () -> {
                        for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                            driver.http("GET", "/products?id=" + (first + r), Duration.ofSeconds(5));
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
