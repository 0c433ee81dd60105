package io.threadwatch.samples.vthreadleak;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Load for {@link PaymentService}: 30 payments a second at a steady pace, every second one in
 * euros and the others in dollars or pounds (so about 15 a second are never confirmed).
 */
public final class PaymentLoad {

    private static final long REQUEST_EVERY_MILLIS = 33;
    private static final String[] CURRENCIES = {"EUR", "USD", "EUR", "GBP"};

    private PaymentLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        ExecutorService clients = Executors.newCachedThreadPool();
        LoadDriver.startClient("pacer", () -> {
            for (long n = 0; ; n++) {
                String request = "PAY acct-" + (n % 97) + " " + (100 + n % 5_000) + " " + CURRENCIES[(int) (n % CURRENCIES.length)];
                clients.execute(() -> driver.request(request, Duration.ofSeconds(2)));
                LoadDriver.pause(REQUEST_EVERY_MILLIS);
            }
        });
    }
}
