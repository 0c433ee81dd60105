package io.threadwatch.samples.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A service that answers one request line per connection on loopback: an acceptor thread
 * ({@code <name>-acceptor}) hands each connection to a fixed pool of prestarted workers
 * ({@code <name>-worker-N}); a worker reads the line (5 s timeout), checks its verb and its number
 * of words against the usage ({@code "TILE <id>"}) and writes the one-line answer of the
 * service's {@link Requests}. What the service does lives in its {@code Requests}.
 */
public final class LineServer {

    /** What a line service answers. */
    public interface Requests {
        /**
         * The answer line to a well-formed request (its words, the verb first); a
         * {@code NumberFormatException} drops the connection unanswered, as garbage.
         */
        String answer(String[] request);
    }

    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor workers;
    private final String usage;
    private final Requests requests;

    private LineServer(ServerSocket serverSocket, ThreadPoolExecutor workers, String usage, Requests requests) {
        this.serverSocket = serverSocket;
        this.workers = workers;
        this.usage = usage;
        this.requests = requests;
    }

    /**
     * Serves {@code requests} with {@code workerCount} workers under the load of {@code load} (a main
     * class run in a child JVM), then exits after {@code duration}.
     */
    public static void run(Duration duration, String name, int workerCount, String usage, Requests requests, Class<?> load)
            throws IOException, InterruptedException {
        ThreadPoolExecutor workers = new ThreadPoolExecutor(workerCount, workerCount, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory(name + "-worker"));
        workers.prestartAllCoreThreads();
        ServerSocket serverSocket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        LineServer service = new LineServer(serverSocket, workers, usage, requests);
        new Thread(service::acceptLoop, name + "-acceptor").start();

        LoadGenerator generator = LoadGenerator.start(load, serverSocket.getLocalPort(), duration);
        SampleRun.runThenExit(duration, generator);
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                workers.execute(() -> handle(client));
            } catch (IOException e) {
                return; // the server socket was closed
            } catch (OutOfMemoryError e) {
                // A full heap (full-heap's problem): drop this connection, keep accepting.
            }
        }
    }

    private void handle(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            client.setSoTimeout(READ_TIMEOUT_MILLIS);
            String[] request = String.valueOf(in.readLine()).split(" ");
            String[] expected = usage.split(" ");
            if (request.length != expected.length || !expected[0].equals(request[0])) {
                out.println("ERR expected: " + usage);
                return;
            }
            out.println(requests.answer(request));
        } catch (IOException | NumberFormatException e) {
            // The client went away or sent garbage: nothing to answer.
        }
    }
}
