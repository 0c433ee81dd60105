package io.threadwatch.samples.deadlock;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** {@code POST /transfer?from=<account>&to=<account>&cents=<n>}. */
final class TransferHandler implements HttpHandler {

    private final Bank bank;

    TransferHandler(Bank bank) {
        this.bank = bank;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
        String from = query.get("from");
        String to = query.get("to");
        String cents = query.get("cents");
        int status;
        String answer;
        if (from == null || to == null || cents == null || from.equals(to)) {
            status = 400;
            answer = "expected from, to (different accounts) and cents";
        } else {
            bank.transfer(bank.account(from), bank.account(to), Long.parseLong(cents));
            status = 200;
            answer = "OK " + from + " -> " + to + " " + cents;
        }
        byte[] body = (answer + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> values = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return values;
    }
}
