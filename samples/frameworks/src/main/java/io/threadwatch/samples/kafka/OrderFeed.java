package io.threadwatch.samples.kafka;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;

/**
 * Load for the order pipeline ({@link OrderPipelineService}): a burst of 60 to 140 records every
 * 3 to 5 s (the first after 1 s), sent as 20-record produce requests; record number
 * {@link #MALFORMED_RECORD} (in the third burst, at about 8 s) has an unparsable quantity.
 */
public final class OrderFeed {

    static final long MALFORMED_RECORD = 250;
    private static final int RECORDS_PER_REQUEST = 20;

    private OrderFeed() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        LoadDriver.startClient("producer", () -> {
            LoadDriver.pause(1_000);
            long next = 0;
            for (int burst = 0; ; burst++) {
                int records = 60 + (burst * 37) % 81;
                for (int sent = 0; sent < records; sent += RECORDS_PER_REQUEST) {
                    driver.http("POST", "/produce?first=" + next + "&count=" + RECORDS_PER_REQUEST + "&malformed=" + MALFORMED_RECORD,
                            Duration.ofSeconds(5));
                    next += RECORDS_PER_REQUEST;
                }
                LoadDriver.pause(3_000 + (burst * 619L) % 2_000);
            }
        });
    }
}
