package io.threadwatch.samples.silentclients;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Reads one device connection: {@code key=value} records, one per line, until the device closes.
 *
 * <p><b>Bug:</b> the socket has no read timeout ({@code setSoTimeout} is never called), so
 * {@link #readRecord} blocks forever in {@code BufferedReader.readLine} when a device connects
 * and then goes silent, and the handler thread never comes back to the pool.
 *
 * <p><b>Fix:</b> {@code device.setSoTimeout(30_000)} before reading, and treat the
 * {@code SocketTimeoutException} as a dead device (close the connection).
 */
final class DeviceHandler implements Runnable {

    private final Socket device;
    private final TelemetryStore store;

    DeviceHandler(Socket device, TelemetryStore store) {
        this.device = device;
        this.store = store;
    }

    @Override
    public void run() {
        try (device;
             BufferedReader in = new BufferedReader(new InputStreamReader(device.getInputStream(), StandardCharsets.UTF_8))) {
            String[] record;
            while ((record = readRecord(in)) != null) {
                store.accept(record);
            }
        } catch (IOException e) {
            // The device reset the connection: whatever it sent is already stored.
        }
    }

    /** Reads the next {@code key=value} record, or returns null when the device has closed. */
    private String[] readRecord(BufferedReader in) throws IOException {
        String line = in.readLine(); // the bug: no socket timeout, a silent device blocks here forever
        if (line == null) {
            return null;
        }
        int eq = line.indexOf('=');
        return eq < 0 ? new String[] {line, ""} : new String[] {line.substring(0, eq), line.substring(eq + 1)};
    }
}
