package io.threadwatch.samples.threadperrequest;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;

/** Load for {@link ThreadPerRequestServer}: 8 clients, each about 10 short requests a second, one connection each. */
public final class ThreadPerRequestLoad {

    private static final int CLIENTS = 8;
    private static final long THINK_MILLIS = 90;

    private ThreadPerRequestLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            LoadDriver.startClient("client-" + c, () -> {
                for (long i = 0; ; i++) {
                    driver.request("PRICE sku-" + client + "-" + (i % 50) + " " + (1 + i % 120), Duration.ofSeconds(2));
                    LoadDriver.pause(THINK_MILLIS);
                }
            });
        }
    }
}
