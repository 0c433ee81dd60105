package io.threadwatch.samples.commonpoolstarvation;

import io.threadwatch.samples.support.NamedThreadFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for a slow inventory system on loopback: it answers {@code STOCK <sku>} with a stock
 * level after 1 to 3 s (deterministic per request, so that recordings are comparable). Slow is not
 * the bug; running its lookups on the common pool is (see {@link PriceHandler}).
 */
final class InventoryBackend {

    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor handlers = new ThreadPoolExecutor(32, 32, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), new NamedThreadFactory("inventory-backend"));

    private InventoryBackend(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
        // All started at once, as a real backend's would be: a pool filling up is not this sample's problem.
        handlers.prestartAllCoreThreads();
    }

    static InventoryBackend start() throws IOException {
        InventoryBackend backend = new InventoryBackend(new ServerSocket(0, 256, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(backend::acceptLoop, "inventory-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        return backend;
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                handlers.execute(() -> answer(client));
            } catch (IOException e) {
                return; // the server socket was closed
            }
        }
    }

    private void answer(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String request = in.readLine();
            long sku = request == null ? 0 : Long.parseLong(request.substring("STOCK ".length()).trim());
            TimeUnit.MILLISECONDS.sleep(1_000 + Math.floorMod(sku * 7919, 2_001));
            out.println(Math.floorMod(sku * 31, 500));
        } catch (IOException | RuntimeException e) {
            // A client that went away, or a malformed line: nothing to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
