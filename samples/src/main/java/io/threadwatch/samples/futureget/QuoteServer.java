package io.threadwatch.samples.futureget;

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
 * A stock-quote front end: one line {@code QUOTE <symbol>} per connection. A fixed pool of 16
 * request workers asks an asynchronous pricing backend and waits for its answer.
 *
 * <p><b>Problem:</b> the backend loses about one answer in twenty, and {@link QuoteHandler#handle}
 * waits with {@code future.get()} without a timeout: each lost answer pins a worker forever.
 * Stuck workers accumulate from the first seconds until the pool is exhausted after about 16 s.
 */
public final class QuoteServer {

    private static final int WORKERS = 16;

    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor workers;
    private final PricingClient pricing;

    QuoteServer(ServerSocket serverSocket, ThreadPoolExecutor workers, PricingClient pricing) {
        this.serverSocket = serverSocket;
        this.workers = workers;
        this.pricing = pricing;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("quote-worker"));
        workers.prestartAllCoreThreads();
        PricingClient pricing = PricingClient.start();
        ServerSocket serverSocket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        QuoteServer server = new QuoteServer(serverSocket, workers, pricing);
        new Thread(server::acceptLoop, "quote-acceptor").start();

        LoadGenerator load = LoadGenerator.start(QuoteLoad.class, serverSocket.getLocalPort(), duration);
        SampleRun.runThenExit(duration, load);
    }

    void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                workers.execute(new QuoteHandler(client, pricing));
            } catch (IOException e) {
                return; // the server socket was closed
            }
        }
    }
}
