package io.threadwatch.samples.netty;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;

/**
 * Load for the quote server ({@link QuoteService}): a burst every 6 to 8 s (the first after 1 s)
 * of 10 clients sending 4 requests each back to back, then nothing until the next burst.
 */
public final class QuoteLoad {

    private static final int CLIENTS = 10;
    private static final int REQUESTS_PER_CLIENT = 4;

    private QuoteLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        LoadDriver.startBursts(CLIENTS, REQUESTS_PER_CLIENT, (burst, client, r) ->
                driver.request("QUOTE SYM" + (burst * 100 + client * REQUESTS_PER_CLIENT + r), Duration.ofSeconds(5)));
    }
}
