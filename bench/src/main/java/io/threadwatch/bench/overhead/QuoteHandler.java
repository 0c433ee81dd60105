package io.threadwatch.bench.overhead;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Answers {@code GET /quote?item=N&qty=Q} (item 0-999, quantity 1-99) with a price quote of
 * about 1 KB of JSON, doing what a modest service handler does: parse the query, reserve
 * stock under a lock shared by all workers, price the lines with {@code BigDecimal}, write the
 * body with Jackson, hash it for an {@code ETag}, and count the item's views in a
 * {@code synchronized} block. One request in {@value #SLOW_EVERY} waits 25 ms on a "downstream",
 * so that JFR's park threshold (20 ms) sees real events, as it would in a service.
 */
final class QuoteHandler implements HttpHandler {

    static final int ITEMS = 1_000;
    static final int MAX_QUANTITY = 99;
    private static final int LINES = 16;
    private static final int SLOW_EVERY = 500;
    private static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(25); /* above JFR's 20 ms thresholds */
    private static final int RESTOCK = 10_000;

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong requests = new AtomicLong();
    private final ReentrantLock stockLock = new ReentrantLock();
    private final int[] stock = new int[ITEMS];
    private final Object viewsLock = new Object();
    private final long[] views = new long[ITEMS];

    QuoteHandler() {
        Arrays.fill(stock, RESTOCK);
    }

    /** Quote requests received so far; a measured phase takes the difference of two reads. */
    long requests() {
        return requests.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long n = requests.incrementAndGet();
            int item;
            int quantity;
            try {
                item = intParameter(exchange.getRequestURI().getRawQuery(), "item", 0, ITEMS - 1);
                quantity = intParameter(exchange.getRequestURI().getRawQuery(), "qty", 1, MAX_QUANTITY);
            } catch (IllegalArgumentException e) {
                send(exchange, 400, e.getMessage().getBytes(StandardCharsets.UTF_8), null);
                return;
            }
            if (n % SLOW_EVERY == 0) {
                LockSupport.parkNanos(SLOW_NANOS);
            }
            int left = reserve(item, quantity);
            long viewed;
            synchronized (viewsLock) {
                viewed = ++views[item];
            }
            byte[] body = json.writeValueAsBytes(price(item, quantity, left, viewed));
            send(exchange, 200, body, HexFormat.of().formatHex(sha256(body), 0, 8));
        }
    }

    private int reserve(int item, int quantity) {
        stockLock.lock();
        try {
            if (stock[item] < quantity) {
                stock[item] = RESTOCK;
            }
            stock[item] -= quantity;
            return stock[item];
        } finally {
            stockLock.unlock();
        }
    }

    private static Quote price(int item, int quantity, int left, long viewed) {
        List<Quote.Line> lines = new ArrayList<>(LINES);
        BigDecimal total = BigDecimal.ZERO;
        for (int line = 0; line < LINES; line++) {
            BigDecimal unit = BigDecimal.valueOf(100 + (item * 31L + line * 17L) % 9_900, 2); /* 1.00-99.99 */
            BigDecimal price = unit.multiply(BigDecimal.valueOf(quantity));
            lines.add(new Quote.Line("SKU-" + item + "-" + line, "part " + line + " of item " + item, price));
            total = total.add(price);
        }
        return new Quote(item, quantity, left, viewed, lines, total);
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String etag) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "text/plain");
        if (etag != null) {
            exchange.getResponseHeaders().set("ETag", '"' + etag + '"');
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The value of {@code name} in a raw query such as {@code item=12&qty=3}, within bounds. */
    static int intParameter(String rawQuery, String name, int min, int max) {
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).equals(name)) {
                    int value;
                    try {
                        value = Integer.parseInt(pair.substring(equals + 1));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(name + " is not a number: " + pair);
                    }
                    if (value < min || value > max) {
                        throw new IllegalArgumentException(name + " must be " + min + "-" + max + ", not " + value);
                    }
                    return value;
                }
            }
        }
        throw new IllegalArgumentException("missing query parameter " + name);
    }
}
