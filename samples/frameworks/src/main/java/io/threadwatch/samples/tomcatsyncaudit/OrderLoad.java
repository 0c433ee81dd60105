package io.threadwatch.samples.tomcatsyncaudit;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;

/** Load for {@link OrderService}: 10 clients ordering back to back, each with a 20 ms pause. */
public final class OrderLoad {

    private static final int CLIENTS = 10;
    private static final long THINK_MILLIS = 20;

    private OrderLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            LoadDriver.startClient("client-" + c, () -> {
                for (long n = 0; ; n++) {
                    driver.http("POST", "/orders?customer=c" + client + "&items=" + (1 + n % 6), Duration.ofSeconds(5));
                    LoadDriver.pause(THINK_MILLIS);
                }
            });
        }
    }
}
