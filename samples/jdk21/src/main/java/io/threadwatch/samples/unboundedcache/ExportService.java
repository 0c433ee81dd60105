package io.threadwatch.samples.unboundedcache;

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
 * A report-export service: one line {@code EXPORT <customer> <report> <asOf>} per connection,
 * answered with the size and checksum of the rendered report (CSV, 10–100 KB). A fixed pool of 8
 * workers renders the reports and keeps them in a {@link ReportCache} so that repeated exports
 * are served from memory.
 *
 * <p><b>Problem:</b> the cache is keyed by the whole request, including the {@code asOf}
 * timestamp the clients send, so no export is ever served from it, and nothing is ever evicted:
 * every rendered report stays reachable. At about 50 exports a second the heap used after GC
 * grows by about 3 MB a second for the whole run. See {@link ReportCache} for the fix.
 */
public final class ExportService {

    private static final int WORKERS = 8;

    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor workers;
    private final ExportHandler handler;

    ExportService(ServerSocket serverSocket, ThreadPoolExecutor workers, ExportHandler handler) {
        this.serverSocket = serverSocket;
        this.workers = workers;
        this.handler = handler;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("export-worker"));
        workers.prestartAllCoreThreads();
        ExportHandler handler = new ExportHandler(new ReportCache(), new ReportRenderer());
        ServerSocket serverSocket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        ExportService service = new ExportService(serverSocket, workers, handler);
        new Thread(service::acceptLoop, "export-acceptor").start();

        LoadGenerator load = LoadGenerator.start(ExportLoad.class, serverSocket.getLocalPort(), duration);
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
