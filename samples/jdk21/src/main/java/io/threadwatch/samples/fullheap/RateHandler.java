package io.threadwatch.samples.fullheap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Handles one {@code RATE <lane>} request: prices the lane from its card and its neighbours' (temporary work). */
final class RateHandler {

    private static final int READ_TIMEOUT_MILLIS = 5_000;
    private static final int NEIGHBOURS = 4;

    private final RateBook book;

    RateHandler(RateBook book) {
        this.book = book;
    }

    void handle(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            client.setSoTimeout(READ_TIMEOUT_MILLIS);
            String[] request = String.valueOf(in.readLine()).split(" ");
            if (request.length != 2 || !"RATE".equals(request[0])) {
                out.println("ERR expected: RATE <lane>");
                return;
            }
            try {
                out.println("OK " + price(Integer.parseInt(request[1])));
            } catch (OutOfMemoryError e) {
                // As a server framework does, a request that runs out of heap fails alone; the service goes on.
                out.println("ERR out of memory");
            }
        } catch (IOException | NumberFormatException e) {
            // The client went away or sent garbage: nothing to answer.
        }
    }

    /** A lane's price: its card and its neighbours' decoded into a temporary table (about 1 MB). */
    private long price(int lane) {
        long total = 0;
        for (int n = 0; n <= NEIGHBOURS; n++) {
            byte[] card = book.card(lane + n * 13);
            int[] decoded = new int[card.length * 2];
            for (int i = 0; i < decoded.length; i++) {
                decoded[i] = card[i % card.length] * (n + 1);
            }
            total += decoded[lane & (decoded.length - 1)];
        }
        return total;
    }
}
