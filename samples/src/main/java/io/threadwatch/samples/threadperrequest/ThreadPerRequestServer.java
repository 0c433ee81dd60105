package io.threadwatch.samples.threadperrequest;

import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.SampleRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A price-quote service that starts a new platform thread for every connection.
 *
 * <p>Protocol: one line {@code PRICE <sku> <quantity>} per connection, answered with one line.
 *
 * <p><b>Problem:</b> {@link #acceptLoop} calls {@code new Thread(...).start()} per request, about
 * 80 threads a second under the sample's load (a creation storm). Each thread ends quickly, so
 * nothing leaks, but every request pays for a thread start and the thread count follows the
 * load without bound. <b>Fix:</b> hand the socket to a fixed pool created once at start-up.
 */
public final class ThreadPerRequestServer {

    /** A client that connects and says nothing is dropped after this long. */
    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final ServerSocket serverSocket;
    private final PriceBook prices = new PriceBook();
    private final AtomicLong requests = new AtomicLong();

    ThreadPerRequestServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        ServerSocket serverSocket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        ThreadPerRequestServer server = new ThreadPerRequestServer(serverSocket);
        new Thread(server::acceptLoop, "quote-acceptor").start();
        LoadGenerator load = LoadGenerator.start(ThreadPerRequestLoad.class, serverSocket.getLocalPort(), duration);
        SampleRun.runThenExit(duration, load);
    }

    void acceptLoop() {
        while (!serverSocket.isClosed()) {
            Socket client;
            try {
                client = serverSocket.accept();
            } catch (IOException e) {
                return; // the server socket was closed
            }
            // The problem: a brand-new platform thread for every single request.
            Thread worker = new Thread(() -> handle(client), "request-" + requests.incrementAndGet());
            worker.start();
        }
    }

    private void handle(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            client.setSoTimeout(READ_TIMEOUT_MILLIS);
            String request = in.readLine();
            out.println(request == null ? "ERR empty request" : prices.quote(request));
        } catch (IOException e) {
            // The client went away mid-request: there is nobody left to answer.
        }
    }
}
