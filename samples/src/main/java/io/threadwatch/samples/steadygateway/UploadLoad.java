package io.threadwatch.samples.steadygateway;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Load for {@link UploadGateway}: uploads at a rate that ramps from 1 to 4 a second over the
 * first 10 minutes and then holds; from 4 minutes on, a batch of 16 conversions every 90 s.
 */
public final class UploadLoad {

    private static final double START_PER_SECOND = 1;
    private static final double END_PER_SECOND = 4;
    private static final double RAMP_SECONDS = 600;
    private static final long FIRST_BATCH_MILLIS = 240_000;
    private static final long BATCH_EVERY_MILLIS = 90_000;
    private static final int BATCH_ITEMS = 16;

    private UploadLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        ExecutorService clients = Executors.newCachedThreadPool();
        LoadDriver.startClient("uploader", () -> {
            while (true) {
                double t = driver.elapsedSeconds();
                double perSecond = START_PER_SECOND + (END_PER_SECOND - START_PER_SECOND) * Math.min(1.0, t / RAMP_SECONDS);
                clients.execute(() -> driver.http("POST", "/upload", Duration.ofSeconds(5)));
                LoadDriver.pause(Math.round(1_000 / perSecond));
            }
        });
        LoadDriver.startClient("batcher", () -> {
            LoadDriver.pause(FIRST_BATCH_MILLIS);
            while (true) {
                driver.http("POST", "/batch?items=" + BATCH_ITEMS, Duration.ofSeconds(5));
                LoadDriver.pause(BATCH_EVERY_MILLIS);
            }
        });
    }
}
