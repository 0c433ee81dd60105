package io.threadwatch.samples.hotlock;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Prices a cart, then records the checkout in the audit log before answering. */
final class CheckoutHandler implements HttpHandler {

    private final AuditLog audit;

    CheckoutHandler(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
        String cart = query.getOrDefault("cart", "unknown");
        int items = Integer.parseInt(query.getOrDefault("items", "1"));
        long totalCents = 0;
        for (int i = 0; i < items; i++) {
            totalCents += 199 + Math.floorMod((cart + i).hashCode(), 4_800);
        }
        audit.append("checkout cart=" + cart + " items=" + items + " total=" + totalCents);
        byte[] body = ("OK " + totalCents + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
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
