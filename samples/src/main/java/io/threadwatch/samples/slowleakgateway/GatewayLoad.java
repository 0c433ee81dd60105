package io.threadwatch.samples.slowleakgateway;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;

/** Load for {@link DeviceGateway}: 40 devices, one reading every 200 ms in turn (5 a second), for the whole run. */
public final class GatewayLoad {

    private static final int DEVICES = 40;
    private static final long EVERY_MILLIS = 200;

    private GatewayLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        LoadDriver.startClient("devices", () -> {
            for (long n = 0; ; n++) {
                long start = System.nanoTime();
                driver.http("POST", "/telemetry?device=dev-" + (n % DEVICES), Duration.ofSeconds(5));
                LoadDriver.pause(Math.max(0, EVERY_MILLIS - (System.nanoTime() - start) / 1_000_000));
            }
        });
    }
}
