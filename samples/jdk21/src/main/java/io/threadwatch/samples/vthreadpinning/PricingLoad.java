package io.threadwatch.samples.vthreadpinning;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Load for {@link PricingService}: 25 price requests a second at a steady pace (clients give up after 2 s). */
public final class PricingLoad {

    private static final long REQUEST_EVERY_MILLIS = 40;
    private static final String[] TIERS = {"bronze", "silver", "gold", "platinum"};

    private PricingLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        ExecutorService clients = Executors.newCachedThreadPool();
        LoadDriver.startClient("pacer", () -> {
            for (long n = 0; ; n++) {
                String request = "PRICE sku-" + (n % 301) + " " + (500 + n % 20_000) + " " + TIERS[(int) (n % TIERS.length)];
                clients.execute(() -> driver.request(request, Duration.ofSeconds(2)));
                LoadDriver.pause(REQUEST_EVERY_MILLIS);
            }
        });
    }
}
