package io.threadwatch.samples.idlepool;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;

/** Load for {@link InventoryServer}: 8 clients send 10 requests each in the first seconds, then one request every 10 s. */
public final class InventoryLoad {

    private static final int CLIENTS = 8;
    private static final int BURST_REQUESTS = 10;
    private static final long QUIET_EVERY_MILLIS = 10_000;

    private InventoryLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            LoadDriver.startClient("client-" + c, () -> {
                for (int n = 0; n < BURST_REQUESTS; n++) {
                    driver.request("STOCK sku-" + client + "-" + n, Duration.ofSeconds(2));
                    LoadDriver.pause(100);
                }
            });
        }
        LoadDriver.startClient("stragglers", () -> {
            for (int n = 0; ; n++) {
                LoadDriver.pause(QUIET_EVERY_MILLIS);
                driver.request("STOCK sku-late-" + n, Duration.ofSeconds(2));
            }
        });
    }
}
