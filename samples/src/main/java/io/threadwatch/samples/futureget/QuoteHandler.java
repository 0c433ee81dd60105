package io.threadwatch.samples.futureget;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;

/**
 * Handles one {@code QUOTE <symbol>} request.
 *
 * <p><b>Bug:</b> {@link #handle} waits for the backend with {@code future.get()} and no
 * timeout; a reply that never comes pins this worker forever. <b>Fix:</b>
 * {@code future.get(500, MILLISECONDS)} (or {@code orTimeout}) and answer with an error when it
 * expires.
 */
final class QuoteHandler implements Runnable {

    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final Socket client;
    private final PricingClient pricing;

    QuoteHandler(Socket client, PricingClient pricing) {
        this.client = client;
        this.pricing = pricing;
    }

    @Override
    public void run() {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            client.setSoTimeout(READ_TIMEOUT_MILLIS);
            out.println(handle(in.readLine()));
        } catch (IOException e) {
            // The client went away: there is nobody left to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String handle(String request) throws InterruptedException {
        if (request == null || !request.startsWith("QUOTE ")) {
            return "ERR expected: QUOTE <symbol>";
        }
        String symbol = request.substring("QUOTE ".length()).trim();
        try {
            long priceCents = pricing.requestQuote(symbol).get(); // the bug: no timeout
            return "OK " + symbol + " " + priceCents;
        } catch (ExecutionException e) {
            return "ERR " + e.getCause();
        }
    }
}
