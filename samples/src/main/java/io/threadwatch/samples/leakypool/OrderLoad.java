package io.threadwatch.samples.leakypool;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Load for {@link OrderServer}: about 60 orders a second, sent at a steady pace whatever the
 * answers (clients give up after 3 s). A few orders are malformed, at fixed times: a bad batch
 * of seven in the first 3.5 s, then one more at 13.5 s; a malformed order refused with
 * {@code BUSY} is sent again until the service takes it. Each one leaks a connection, so the
 * pool of 8 is down to one connection after about 3.5 s (borrowers queue for it for seconds)
 * and empty at about 15 s (every worker then waits in {@code borrow} forever).
 */
public final class OrderLoad {

    private static final long ORDER_EVERY_MILLIS = 16;
    private static final double[] MALFORMED_AT_SECONDS = {1.0, 1.4, 1.8, 2.2, 2.6, 3.0, 3.4, 13.5};
    private static final long RETRY_BUSY_AFTER_MILLIS = 100;

    private OrderLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        ExecutorService clients = Executors.newCachedThreadPool();
        LoadDriver.startClient("pacer", () -> {
            int malformed = 0;
            for (long id = 1; ; id++) {
                if (malformed < MALFORMED_AT_SECONDS.length && driver.elapsedSeconds() >= MALFORMED_AT_SECONDS[malformed]) {
                    malformed++;
                    String order = "ORDER " + id + " " + (id % 40) + " -1"; // no "sku-" prefix, negative quantity
                    clients.execute(() -> {
                        while ("BUSY".equals(driver.request(order, Duration.ofSeconds(3)))) {
                            LoadDriver.pause(RETRY_BUSY_AFTER_MILLIS);
                        }
                    });
                } else {
                    String order = "ORDER " + id + " sku-" + (id % 40) + " " + (1 + id % 5);
                    clients.execute(() -> driver.request(order, Duration.ofSeconds(3)));
                }
                LoadDriver.pause(ORDER_EVERY_MILLIS);
            }
        });
    }
}
