package io.threadwatch.samples.vthreadpinning;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Handles one {@code PRICE <sku> <cents> <tier>} request on its own virtual thread. */
final class PricingHandler {

    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final RulesLoader rules;

    PricingHandler(RulesLoader rules) {
        this.rules = rules;
    }

    void handle(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            client.setSoTimeout(READ_TIMEOUT_MILLIS);
            out.println(price(in.readLine()));
        } catch (IOException e) {
            // The client went away: there is nobody left to answer.
        }
    }

    private String price(String line) {
        String[] request = String.valueOf(line).split(" ");
        if (request.length != 4 || !"PRICE".equals(request[0])) {
            return "ERR expected: PRICE <sku> <cents> <tier>";
        }
        long cents = Long.parseLong(request[2]);
        PriceRule rule = rules.load(); // a fresh copy of the rule class, initialized on this virtual thread
        return "OK " + request[1] + " " + rule.discountedCents(cents, request[3]);
    }
}
