package io.threadwatch.samples.silentclients;

import io.threadwatch.samples.support.LoadDriver;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Load for {@link TelemetryServer}: 4 well-behaved devices that each send 4 readings about 40 ms
 * apart and close (about 10 connections a second), plus one silent device a second, starting
 * 1 s in, that connects, sends nothing and keeps its socket open.
 */
public final class TelemetryLoad {

    private static final int DEVICES = 4;
    private static final int READINGS = 4;
    private static final long READING_GAP_MILLIS = 40;
    private static final long SILENT_EVERY_MILLIS = 1_000;

    private TelemetryLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        for (int d = 0; d < DEVICES; d++) {
            int device = d;
            LoadDriver.startClient("device-" + d, () -> {
                for (long n = 0; ; n++) {
                    sendReadings(driver, device, n);
                    LoadDriver.pause(200);
                }
            });
        }
        LoadDriver.startClient("silent-devices", () -> {
            List<Socket> silent = new ArrayList<>(); // kept open, never written to
            while (true) {
                LoadDriver.pause(SILENT_EVERY_MILLIS);
                Socket socket = driver.connect(Duration.ofSeconds(2));
                if (socket != null) {
                    silent.add(socket);
                }
            }
        });
    }

    private static void sendReadings(LoadDriver driver, int device, long n) {
        Socket socket = driver.connect(Duration.ofSeconds(2));
        if (socket == null) {
            return;
        }
        try (socket; OutputStream out = socket.getOutputStream()) {
            for (int r = 0; r < READINGS; r++) {
                String line = "device-" + device + ".temp=" + (20 + (n + r) % 7) + "\n";
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.flush();
                LoadDriver.pause(READING_GAP_MILLIS);
            }
        } catch (IOException e) {
            // The server is not reading (all handlers stuck): this device gives up.
        }
    }
}
