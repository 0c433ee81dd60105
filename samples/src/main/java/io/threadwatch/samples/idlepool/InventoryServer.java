package io.threadwatch.samples.idlepool;

import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.NamedThreadFactory;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Healthy control: a stock-level lookup service, {@code STOCK <sku>} per connection, on a fixed
 * pool of 8 workers created once. It serves a burst of requests in the first seconds and is
 * almost idle afterwards: its workers sit parked in the pool's queue ({@code take()}), which is
 * how an idle pool looks, not a stuck one. Expected findings: none.
 */
public final class InventoryServer {

    private static final int WORKERS = 8;
    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final ServerSocket serverSocket;
    private final ExecutorService workers;

    InventoryServer(ServerSocket serverSocket, ExecutorService workers) {
        this.serverSocket = serverSocket;
        this.workers = workers;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, new NamedThreadFactory("inventory-worker"));
        ServerSocket serverSocket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        InventoryServer server = new InventoryServer(serverSocket, workers);
        new Thread(server::acceptLoop, "inventory-acceptor").start();

        LoadGenerator load = LoadGenerator.start(InventoryLoad.class, serverSocket.getLocalPort(), duration);
        SampleRun.runThenExit(duration, load);
    }

    void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                workers.execute(() -> handle(client));
            } catch (IOException e) {
                return; // the server socket was closed
            }
        }
    }

    private static void handle(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            client.setSoTimeout(READ_TIMEOUT_MILLIS);
            String request = in.readLine();
            out.println(request != null && request.startsWith("STOCK ") ? "OK " + lookUpStock(request.substring(6)) : "ERR expected: STOCK <sku>");
        } catch (IOException e) {
            // The client went away: there is nobody left to answer.
        }
    }

    /** Stands in for a warehouse database query (20 to 50 ms). */
    private static int lookUpStock(String sku) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 51));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Math.floorMod(sku.hashCode(), 500);
    }
}
