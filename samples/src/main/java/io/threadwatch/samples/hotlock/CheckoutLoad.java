package io.threadwatch.samples.hotlock;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;

/** Load for {@link CheckoutService}: 12 clients checking out back to back, each with a short pause. */
public final class CheckoutLoad {

    private static final int CLIENTS = 12;
    private static final long THINK_MILLIS = 20;

    private CheckoutLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            LoadDriver.startClient("client-" + c, () -> {
                for (long n = 0; ; n++) {
                    driver.http("POST", "/checkout?cart=c" + client + "-" + n + "&items=" + (1 + n % 9), Duration.ofSeconds(5));
                    LoadDriver.pause(THINK_MILLIS);
                }
            });
        }
    }
}
