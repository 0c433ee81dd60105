package io.threadwatch.bench.overhead;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service whose overhead {@code bench/agent-overhead.sh} measures: the JDK's HTTP server on
 * 127.0.0.1 with a fixed pool of {@value #WORKERS} workers, answering {@code GET /quote} (see
 * {@link QuoteHandler}) to a {@link LoadGenerator} in another JVM.
 *
 * <p>It prints {@code port=N} on standard output once it listens, and runs until killed. The load
 * generator brackets its measured phase with {@code GET /stats?phase=start} and
 * {@code GET /stats?phase=end}; the second answers with what this process spent in between
 * ({@link ProcessCost.Phase#asProperties()}). The start of the phase is also a line on standard
 * error, after the agent's own start-up line when there is an agent, so the script can check
 * that the agent was running for the whole measured phase.
 *
 * <pre>java [-javaagent:threadwatch-agent.jar] -cp bench/target/classes:bench/target/dependency/* \
 *     io.threadwatch.bench.overhead.LoopbackService</pre>
 */
public final class LoopbackService {

    private static final int WORKERS = 8;
    /** On standard error when the measured phase starts; the script looks for it. */
    static final String PHASE_STARTED = "loopback service: measured phase started";

    private final QuoteHandler quotes = new QuoteHandler();
    private final ProcessCost cost = new ProcessCost();
    private final AtomicReference<ProcessCost.Snapshot> phaseStart = new AtomicReference<>();

    private LoopbackService() {
    }

    public static void main(String[] args) throws IOException {
        // The server writes an answer's headers and body separately: with Nagle's algorithm and the
        // client's delayed ACK, each answer would wait 40 ms. Read once, when the server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        new LoopbackService().listen();
    }

    private void listen() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, named("quote-worker-"));
        server.setExecutor(workers);
        server.createContext("/quote", quotes);
        server.createContext("/stats", this::stats);
        server.start();
        System.out.println("port=" + server.getAddress().getPort());
        System.out.flush();
        // The server's dispatcher thread is not a daemon: the JVM runs until it is killed.
    }

    private void stats(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = String.valueOf(exchange.getRequestURI().getRawQuery());
            ProcessCost.Snapshot now = cost.snapshot(quotes.requests());
            String answer;
            int status = 200;
            if (query.equals("phase=start")) {
                phaseStart.set(now);
                System.err.println(PHASE_STARTED);
                answer = "requests=" + now.requests() + "\n";
            } else if (query.equals("phase=end") && phaseStart.get() != null) {
                answer = ProcessCost.between(phaseStart.get(), now).asProperties();
            } else {
                status = 400;
                answer = "expected phase=start, then phase=end\n";
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> new Thread(task, prefix + count.incrementAndGet());
    }
}
