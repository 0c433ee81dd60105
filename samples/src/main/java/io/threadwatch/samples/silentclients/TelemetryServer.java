package io.threadwatch.samples.silentclients;

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
 * A telemetry ingest server: devices connect over TCP, send a few {@code key=value} lines and
 * close. A fixed pool of 16 handlers, created at start-up, reads the connections.
 *
 * <p><b>Problem:</b> about one device a second connects and then says nothing, keeping the
 * socket open. {@link DeviceHandler#readRecord} reads without a socket timeout, so each such
 * device pins a handler thread forever (RUNNABLE in the socket read): stuck threads accumulate
 * from the first seconds until the pool is exhausted after about 16 s. See
 * {@link DeviceHandler} for the fix.
 */
public final class TelemetryServer {

    private static final int HANDLERS = 16;

    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor handlers;
    private final TelemetryStore store = new TelemetryStore();

    TelemetryServer(ServerSocket serverSocket, ThreadPoolExecutor handlers) {
        this.serverSocket = serverSocket;
        this.handlers = handlers;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        ThreadPoolExecutor handlers = new ThreadPoolExecutor(HANDLERS, HANDLERS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("ingest-handler"));
        handlers.prestartAllCoreThreads();
        ServerSocket serverSocket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        TelemetryServer server = new TelemetryServer(serverSocket, handlers);
        new Thread(server::acceptLoop, "ingest-acceptor").start();

        LoadGenerator.start(TelemetryLoad.class, serverSocket.getLocalPort(), duration);
        // The silent devices' open sockets are what keeps the handlers stuck; stopping the load
        // generator before exit would close them and free the handlers before JFR's final dump.
        SampleRun.runThenExitLeavingClients(duration);
    }

    void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket device = serverSocket.accept();
                handlers.execute(new DeviceHandler(device, store));
            } catch (IOException e) {
                return; // the server socket was closed
            }
        }
    }
}
