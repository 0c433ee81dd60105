package io.threadwatch.samples.hotlock;

import com.sun.net.httpserver.HttpServer;
import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.NamedThreadFactory;
import io.threadwatch.samples.support.SampleRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A checkout service: {@code POST /checkout?cart=<id>&items=<n>} on 10 request workers. Every
 * checkout writes an audit record through one shared {@link AuditLog}.
 *
 * <p><b>Problem:</b> {@link AuditLog#append} is {@code synchronized} and slow (about 25 ms), so
 * the request workers spend most of their time queued on its monitor (contention at
 * {@code AuditLog.append}). See {@link AuditLog} for the fix.
 */
public final class CheckoutService {

    private static final int WORKERS = 10;

    private CheckoutService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("request-worker"));
        workers.prestartAllCoreThreads();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        http.setExecutor(workers);
        http.createContext("/checkout", new CheckoutHandler(new AuditLog()));
        http.start();

        LoadGenerator load = LoadGenerator.start(CheckoutLoad.class, http.getAddress().getPort(), duration);
        SampleRun.runThenExit(duration, load);
    }
}
