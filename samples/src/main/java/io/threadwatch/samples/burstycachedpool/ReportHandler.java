package io.threadwatch.samples.burstycachedpool;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/** Starts rendering each section of a report in parallel; answers 202 at once. */
final class ReportHandler implements HttpHandler {

    private final Executor renderers;

    ReportHandler(Executor renderers) {
        this.renderers = renderers;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        int sections = query != null && query.startsWith("sections=") ? Integer.parseInt(query.substring(9)) : 1;
        for (int s = 0; s < sections; s++) {
            renderers.execute(ReportHandler::renderSection);
        }
        byte[] body = ("ACCEPTED " + sections + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(202, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stands in for querying and formatting one report section (100 to 300 ms). */
    private static void renderSection() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(100, 301));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
