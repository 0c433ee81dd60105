package io.threadwatch.samples.warmuppool;

import com.sun.net.httpserver.HttpServer;
import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.NamedThreadFactory;
import io.threadwatch.samples.support.SampleRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Healthy control: a thumbnail service. {@code POST /thumbnails?images=<n>} accepts a batch and
 * renders each image asynchronously on an elastic pool (core 2, max 24, a queue of 10, 60 s
 * keep-alive). Under the ramp-up of the first seconds the pool grows to its maximum, then the
 * steady load keeps it there, flat, until the end. Expected findings: none (growth that stops
 * at a bound is warm-up, not a leak).
 */
public final class ThumbnailService {

    private static final int CORE_RENDERERS = 2;
    private static final int MAX_RENDERERS = 24;
    private static final int QUEUED_JOBS = 10;
    private static final long KEEP_ALIVE_SECONDS = 60;

    private ThumbnailService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        ThreadPoolExecutor renderers = new ThreadPoolExecutor(CORE_RENDERERS, MAX_RENDERERS,
                KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED_JOBS),
                new NamedThreadFactory("thumbnail-renderer"), new ThreadPoolExecutor.CallerRunsPolicy());
        ThreadPoolExecutor httpWorkers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("http-worker"));
        httpWorkers.prestartAllCoreThreads();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        http.setExecutor(httpWorkers);
        http.createContext("/thumbnails", new ThumbnailHandler(renderers));
        http.start();

        LoadGenerator load = LoadGenerator.start(ThumbnailLoad.class, http.getAddress().getPort(), duration);
        SampleRun.runThenExit(duration, load);
    }
}
