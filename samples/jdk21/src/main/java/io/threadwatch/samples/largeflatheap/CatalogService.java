package io.threadwatch.samples.largeflatheap;

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
 * A product-catalog service: one line {@code PRODUCT <id>} per connection, answered with the size
 * and checksum of the rendered product page. Healthy control for the heap rules: at start-up it
 * loads the whole catalog into memory (about 200 MB of long-lived data, in about a second),
 * then serves about 50 pages a second on a fixed pool of 8 workers. Each page allocates a few MB
 * that die young, so young collections happen every second or two, but the heap used after GC
 * stays flat at the catalog's size for the rest of the run.
 */
public final class CatalogService {

    private static final int WORKERS = 8;

    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor workers;
    private final ProductPageHandler handler;

    CatalogService(ServerSocket serverSocket, ThreadPoolExecutor workers, ProductPageHandler handler) {
        this.serverSocket = serverSocket;
        this.workers = workers;
        this.handler = handler;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        Catalog catalog = Catalog.load();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("catalog-worker"));
        workers.prestartAllCoreThreads();
        ServerSocket serverSocket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        CatalogService service = new CatalogService(serverSocket, workers, new ProductPageHandler(catalog));
        new Thread(service::acceptLoop, "catalog-acceptor").start();

        LoadGenerator load = LoadGenerator.start(CatalogLoad.class, serverSocket.getLocalPort(), duration);
        SampleRun.runThenExit(duration, load);
    }

    void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                workers.execute(() -> handler.handle(client));
            } catch (IOException e) {
                return; // the server socket was closed
            }
        }
    }
}
