package io.threadwatch.samples.futureget;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Load for {@link QuoteServer}: 20 quote requests a second at a steady pace (clients give up after 2 s). */
public final class QuoteLoad {

    private static final long REQUEST_EVERY_MILLIS = 50;
    private static final String[] SYMBOLS = {"ACME", "GLOBX", "INIT", "UMBR", "WAYN", "STRK", "CYBD", "TYRL"};

    private QuoteLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        ExecutorService clients = Executors.newCachedThreadPool();
        LoadDriver.startClient("pacer", () -> {
            for (long n = 0; ; n++) {
                String request = "QUOTE " + SYMBOLS[(int) (n % SYMBOLS.length)];
                clients.execute(() -> driver.request(request, Duration.ofSeconds(2)));
                LoadDriver.pause(REQUEST_EVERY_MILLIS);
            }
        });
    }
}
