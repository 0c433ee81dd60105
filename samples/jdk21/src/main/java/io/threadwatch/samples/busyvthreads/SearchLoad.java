package io.threadwatch.samples.busyvthreads;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Load for {@link SearchService}: about 80 searches a second at a steady pace, three in five single-term. */
public final class SearchLoad {

    private static final long REQUEST_EVERY_MILLIS = 12;
    private static final String[] TERMS = {"lamp", "desk", "chair", "oak", "walnut", "led", "office", "garden", "steel"};

    private SearchLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        ExecutorService clients = Executors.newCachedThreadPool();
        LoadDriver.startClient("pacer", () -> {
            for (long n = 0; ; n++) {
                String first = TERMS[(int) (n % TERMS.length)];
                String request = n % 5 < 3 ? "SEARCH " + first : "SEARCH " + first + " " + TERMS[(int) ((n / 3) % TERMS.length)];
                clients.execute(() -> driver.request(request, Duration.ofSeconds(2)));
                LoadDriver.pause(REQUEST_EVERY_MILLIS);
            }
        });
    }
}
