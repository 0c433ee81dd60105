package io.threadwatch.samples.leakypool;

import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.NamedThreadFactory;
import io.threadwatch.samples.support.SampleRun;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An order-entry service: one line {@code ORDER <id> <sku> <quantity>} per connection, stored
 * through a pool of 8 database connections by 16 request workers. When the workers and their
 * queue are full, new requests are refused with {@code BUSY}.
 *
 * <p><b>Problem:</b> {@link OrderHandler} leaks its connection when an order fails validation,
 * and {@link ConnectionPool#borrow} waits without a timeout. As the pool shrinks, borrowers wait
 * longer and longer (long blocking at {@code ConnectionPool.borrow}); once the last connection
 * has leaked, every worker waits in {@code borrow} forever (blocked forever, same site).
 */
public final class OrderServer {

    private static final int WORKERS = 16;
    private static final int QUEUED_REQUESTS = 32;
    private static final int POOL_SIZE = 8;

    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor workers;
    private final ConnectionPool pool;

    OrderServer(ServerSocket serverSocket, ThreadPoolExecutor workers, ConnectionPool pool) {
        this.serverSocket = serverSocket;
        this.workers = workers;
        this.pool = pool;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUED_REQUESTS), new NamedThreadFactory("order-worker"));
        workers.prestartAllCoreThreads();
        ServerSocket serverSocket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        OrderServer server = new OrderServer(serverSocket, workers, new ConnectionPool(POOL_SIZE));
        new Thread(server::acceptLoop, "order-acceptor").start();

        LoadGenerator load = LoadGenerator.start(OrderLoad.class, serverSocket.getLocalPort(), duration);
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
            try {
                workers.execute(new OrderHandler(client, pool));
            } catch (RejectedExecutionException e) {
                refuse(client);
            }
        }
    }

    /** Load shedding: answers {@code BUSY} without reading the request. */
    private static void refuse(Socket client) {
        try (client; OutputStream out = client.getOutputStream()) {
            out.write("BUSY\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The client is gone already: nothing to refuse.
        }
    }
}
