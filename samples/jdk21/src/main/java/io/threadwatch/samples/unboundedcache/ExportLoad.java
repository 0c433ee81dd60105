package io.threadwatch.samples.unboundedcache;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Load for {@link ExportService}: 50 exports a second at a steady pace, each with the current time as {@code asOf}. */
public final class ExportLoad {

    private static final long REQUEST_EVERY_MILLIS = 20;
    private static final String[] REPORTS = {"statement", "ledger", "tax-summary", "card-activity", "fx-positions"};

    private ExportLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        ExecutorService clients = Executors.newCachedThreadPool();
        LoadDriver.startClient("pacer", () -> {
            for (long n = 0; ; n++) {
                String request = "EXPORT cust-" + (n % 40) + " " + REPORTS[(int) (n % REPORTS.length)] + " " + System.currentTimeMillis();
                clients.execute(() -> driver.request(request, Duration.ofSeconds(2)));
                LoadDriver.pause(REQUEST_EVERY_MILLIS);
            }
        });
    }
}
