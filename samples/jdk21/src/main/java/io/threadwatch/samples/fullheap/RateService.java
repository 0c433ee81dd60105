package io.threadwatch.samples.fullheap;

import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.NamedThreadFactory;
import io.threadwatch.samples.support.SampleRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A freight-rate service: one line {@code RATE <lane>} per connection, answered with the lane's
 * price. It keeps every rate card in memory ({@link RateBook}) and prices each request with a
 * few hundred KB of temporary work on a fixed pool of 4 workers.
 *
 * <p><b>Problem:</b> the service runs with {@code -Xmx64m}, sized when the rate book was small;
 * the book has since grown to about 56 MB, so the live set nearly fills the heap. Young
 * collections have almost no room to work in, old collections free almost nothing, and the JVM
 * runs full collections back to back, each leaving the heap nearly as full as before. <b>Fix:</b>
 * size the heap for the live set (at least twice the rate book), or keep the book off-heap or
 * load only the lanes in use.
 */
public final class RateService {

    private static final int WORKERS = 4;

    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor workers;
    private final RateHandler handler;

    RateService(ServerSocket serverSocket, ThreadPoolExecutor workers, RateHandler handler) {
        this.serverSocket = serverSocket;
        this.workers = workers;
        this.handler = handler;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        RateBook book = RateBook.load();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("rate-worker"));
        workers.prestartAllCoreThreads();
        ServerSocket serverSocket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        RateService service = new RateService(serverSocket, workers, new RateHandler(book));
        new Thread(service::acceptLoop, "rate-acceptor").start();

        LoadGenerator load = LoadGenerator.start(RateLoad.class, serverSocket.getLocalPort(), duration);
        SampleRun.runThenExit(duration, load);
    }

    void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                workers.execute(() -> handler.handle(client));
            } catch (IOException e) {
                return; // the server socket was closed
            } catch (OutOfMemoryError e) {
                // The heap is full (the problem this sample shows): drop this connection, keep accepting.
            }
        }
    }
}
