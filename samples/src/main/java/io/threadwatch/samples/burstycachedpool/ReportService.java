package io.threadwatch.samples.burstycachedpool;

import com.sun.net.httpserver.HttpServer;
import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.NamedThreadFactory;
import io.threadwatch.samples.support.SampleRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Healthy control: a reporting service. {@code POST /reports?sections=<n>} renders the sections
 * of a report in parallel on a cached pool (no core threads, 2 s keep-alive). Reports come in
 * bursts every 5 to 6 s: the pool grows to 10 to 15 threads on each burst and shrinks back to
 * none in between. Expected findings: none (a pool that breathes with the load is neither a
 * leak nor a creation storm at about 2 thread starts a second).
 */
public final class ReportService {

    private static final int MAX_RENDERERS = 64;
    private static final long KEEP_ALIVE_SECONDS = 2;

    private ReportService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        ThreadPoolExecutor renderers = new ThreadPoolExecutor(0, MAX_RENDERERS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new NamedThreadFactory("report-renderer"));
        ThreadPoolExecutor httpWorkers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("http-worker"));
        httpWorkers.prestartAllCoreThreads();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        http.setExecutor(httpWorkers);
        http.createContext("/reports", new ReportHandler(renderers));
        http.start();

        LoadGenerator load = LoadGenerator.start(ReportLoad.class, http.getAddress().getPort(), duration);
        SampleRun.runThenExit(duration, load);
    }
}
