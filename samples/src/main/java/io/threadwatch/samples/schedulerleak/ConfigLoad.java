package io.threadwatch.samples.schedulerleak;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;

/** Load for {@link ConfigService}: a reload every 1.5 s, and about 20 config reads a second. */
public final class ConfigLoad {

    private static final long RELOAD_EVERY_MILLIS = 1_500;
    private static final int READERS = 2;
    private static final long READ_EVERY_MILLIS = 100;

    private ConfigLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        LoadDriver.startClient("reloader", () -> {
            while (true) {
                LoadDriver.pause(RELOAD_EVERY_MILLIS);
                driver.http("POST", "/reload", Duration.ofSeconds(2));
            }
        });
        for (int r = 0; r < READERS; r++) {
            LoadDriver.startClient("reader-" + r, () -> {
                while (true) {
                    driver.http("GET", "/config", Duration.ofSeconds(2));
                    LoadDriver.pause(READ_EVERY_MILLIS);
                }
            });
        }
    }
}
