package io.threadwatch.samples.commonpoolstarvation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Asks the inventory backend for a stock level, one connection per lookup, with no read timeout (a second bug). */
final class InventoryClient {

    private final int port;

    InventoryClient(int port) {
        this.port = port;
    }

    long stockLevel(long sku) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            out.println("STOCK " + sku);
            String answer = in.readLine();
            return answer == null ? -1 : Long.parseLong(answer.trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
