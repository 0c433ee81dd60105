package io.threadwatch.samples.warmuppool;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;

/**
 * Load for {@link ThumbnailService}: batches of 10 images. A morning rush first: from 2 to 14
 * batches a second over the first 3 s, held until 5 s (140 images a second, more than 24
 * renderers can take, so the pool reaches its maximum); then a steady 10 batches a second
 * (100 images a second, about 20 busy renderers out of 24) until the end.
 */
public final class ThumbnailLoad {

    private static final double RAMP_SECONDS = 3;
    private static final double RUSH_UNTIL_SECONDS = 5;
    private static final long FIRST_GAP_MILLIS = 500;
    private static final long RUSH_GAP_MILLIS = 70;
    private static final long STEADY_GAP_MILLIS = 100;

    private ThumbnailLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        LoadDriver.startClient("uploader", () -> {
            while (true) {
                long start = System.nanoTime();
                driver.http("POST", "/thumbnails?images=10", Duration.ofSeconds(2));
                double t = driver.elapsedSeconds();
                long gap = t >= RUSH_UNTIL_SECONDS ? STEADY_GAP_MILLIS
                        : Math.round(FIRST_GAP_MILLIS + Math.min(1.0, t / RAMP_SECONDS) * (RUSH_GAP_MILLIS - FIRST_GAP_MILLIS));
                LoadDriver.pause(Math.max(0, gap - (System.nanoTime() - start) / 1_000_000));
            }
        });
    }
}
