package io.threadwatch.samples.unboundedcache;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Handles one {@code EXPORT <customer> <report> <asOf>} request on a pool worker. */
final class ExportHandler {

    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final ReportCache cache;
    private final ReportRenderer renderer;

    ExportHandler(ReportCache cache, ReportRenderer renderer) {
        this.cache = cache;
        this.renderer = renderer;
    }

    void handle(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            client.setSoTimeout(READ_TIMEOUT_MILLIS);
            String[] request = String.valueOf(in.readLine()).split(" ");
            if (request.length != 4 || !"EXPORT".equals(request[0])) {
                out.println("ERR expected: EXPORT <customer> <report> <asOf>");
                return;
            }
            String customer = request[1];
            String report = request[2];
            long asOf = Long.parseLong(request[3]);
            byte[] csv = cache.get(customer, report, asOf, () -> renderer.render(customer, report, asOf));
            CRC32 crc = new CRC32();
            crc.update(csv);
            out.println("OK " + csv.length + " " + Long.toHexString(crc.getValue()));
        } catch (IOException | NumberFormatException e) {
            // The client went away or sent garbage: nothing to answer.
        }
    }
}
