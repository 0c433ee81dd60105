package io.threadwatch.samples.warmuppool;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/** Accepts a batch of images and queues one render job per image; answers 202 at once. */
final class ThumbnailHandler implements HttpHandler {

    private final Executor renderers;

    ThumbnailHandler(Executor renderers) {
        this.renderers = renderers;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        int images = query != null && query.startsWith("images=") ? Integer.parseInt(query.substring(7)) : 1;
        for (int i = 0; i < images; i++) {
            renderers.execute(ThumbnailHandler::render);
        }
        byte[] body = ("ACCEPTED " + images + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(202, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stands in for fetching, scaling and storing one image (150 to 250 ms, mostly I/O). */
    private static void render() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(150, 251));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
