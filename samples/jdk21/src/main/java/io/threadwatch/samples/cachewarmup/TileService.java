package io.threadwatch.samples.cachewarmup;

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
 * A map-tile service: one line {@code TILE <id>} per connection, answered with the size and
 * checksum of the rendered tile (about 64 KB). A fixed pool of 8 workers renders tiles and keeps
 * them in a bounded {@link TileCache}. Healthy control for the heap rules: the map has 1,200
 * tiles, so the cache fills up during the first seconds of traffic (the heap used after GC rises
 * by about 75 MB in about 12 s) and then every request is a hit and the heap after GC holds.
 * Each render also allocates about 1 MB that dies young, so young collections dominate.
 */
public final class TileService {

    private static final int WORKERS = 8;

    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor workers;
    private final TileHandler handler;

    TileService(ServerSocket serverSocket, ThreadPoolExecutor workers, TileHandler handler) {
        this.serverSocket = serverSocket;
        this.workers = workers;
        this.handler = handler;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("tile-worker"));
        workers.prestartAllCoreThreads();
        ServerSocket serverSocket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        TileService service = new TileService(serverSocket, workers,
                new TileHandler(new TileCache(TileLoad.TILES), new TileRenderer()));
        new Thread(service::acceptLoop, "tile-acceptor").start();

        LoadGenerator load = LoadGenerator.start(TileLoad.class, serverSocket.getLocalPort(), duration);
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
