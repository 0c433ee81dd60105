package io.threadwatch.samples.burstycachedpool;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;

/** Load for {@link ReportService}: a report of 10 to 15 sections every 5 to 6 s, the first after 1 s. */
public final class ReportLoad {

    private ReportLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        LoadDriver.startClient("scheduler", () -> {
            LoadDriver.pause(1_000);
            for (int n = 0; ; n++) {
                driver.http("POST", "/reports?sections=" + (10 + n * 7 % 6), Duration.ofSeconds(2));
                LoadDriver.pause(5_000 + (n * 331) % 1_000);
            }
        });
    }
}
