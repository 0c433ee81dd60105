package io.threadwatch.samples.cachewarmup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Handles one {@code TILE <id>} request on a pool worker. */
final class TileHandler {

    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final TileCache cache;
    private final TileRenderer renderer;

    TileHandler(TileCache cache, TileRenderer renderer) {
        this.cache = cache;
        this.renderer = renderer;
    }

    void handle(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            client.setSoTimeout(READ_TIMEOUT_MILLIS);
            String[] request = String.valueOf(in.readLine()).split(" ");
            if (request.length != 2 || !"TILE".equals(request[0])) {
                out.println("ERR expected: TILE <id>");
                return;
            }
            int id = Integer.parseInt(request[1]);
            byte[] tile = cache.get(id, renderer::render);
            CRC32 crc = new CRC32();
            crc.update(tile);
            out.println("OK " + tile.length + " " + Long.toHexString(crc.getValue()) + " " + renderer.project(tile, id % 4));
        } catch (IOException | NumberFormatException e) {
            // The client went away or sent garbage: nothing to answer.
        }
    }
}
