package io.threadwatch.samples.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * Child-side helpers for the load generators: arguments, clients, pacing and the guard that
 * ends the child JVM with its parent.
 *
 * <p>Load generators run in their own JVM without JFR, so they are written for brevity, not
 * for thread hygiene. Every request has a timeout and every failure is ignored: a load
 * generator keeps going whatever the service does.
 */
public final class LoadDriver {

    /** Extra time the child may outlive the service's duration before it gives up by itself. */
    private static final Duration GRACE = Duration.ofSeconds(15);

    private final int port;
    private final long startNanos = System.nanoTime();
    private final Duration duration;

    private LoadDriver(int port, Duration duration) {
        this.port = port;
        this.duration = duration;
    }

    /**
     * Reads {@code <port> <seconds>} and starts a guard that exits this JVM when the parent
     * (the service) is gone, or at the latest {@link #GRACE} after the duration.
     */
    public static LoadDriver fromArgs(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: <port> <seconds>");
        }
        LoadDriver driver = new LoadDriver(Integer.parseInt(args[0]), Duration.ofSeconds(Long.parseLong(args[1])));
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
        Thread deadline = new Thread(() -> {
            pause(driver.duration.plus(GRACE).toMillis());
            Runtime.getRuntime().halt(0);
        }, "deadline");
        deadline.setDaemon(true);
        deadline.start();
        return driver;
    }

    public int port() {
        return port;
    }

    /** Seconds since this load generator started, as a fraction. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Starts a non-daemon client thread running {@code loop}. */
    public static Thread startClient(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.start();
        return thread;
    }

    /** One request of a burst's client: the burst's number, the client's, and the request's among the client's. */
    @FunctionalInterface
    public interface BurstRequest {
        void send(int burst, int client, int request);
    }

    /**
     * Starts bursty load on a thread of its own ({@code bursts}): the first burst after 1 s, then
     * one every 6 to 8 s; each starts {@code clients} client threads ({@code client-N}) that send
     * {@code requestsPerClient} requests back to back, and waits for them all; nothing in between.
     */
    public static void startBursts(int clients, int requestsPerClient, BurstRequest request) {
        startClient("bursts", () -> {
            pause(1_000);
            for (int burst = 0; ; burst++) {
                CountDownLatch done = new CountDownLatch(clients);
                for (int c = 0; c < clients; c++) {
                    int b = burst;
                    int client = c;
                    startClient("client-" + c, () -> {
                        for (int r = 0; r < requestsPerClient; r++) {
                            request.send(b, client, r);
                        }
                        done.countDown();
                    });
                }
                try {
                    done.await();
                } catch (InterruptedException e) {
                    return;
                }
                pause(6_000 + (burst * 677L) % 2_000);
            }
        });
    }

    /**
     * Starts steady load on a thread of its own ({@code pacer}): request line number {@code n}
     * ({@code 0, 1, ...}, made by {@code requestLine}) every {@code everyMillis}, each sent from a
     * client thread of a cached pool, so that a slow answer does not slow the pace.
     */
    public void startPaced(long everyMillis, LongFunction<String> requestLine) {
        ExecutorService clients = Executors.newCachedThreadPool();
        startClient("pacer", () -> {
            for (long n = 0; ; n++) {
                String request = requestLine.apply(n);
                clients.execute(() -> request(request, Duration.ofSeconds(2)));
                pause(everyMillis);
            }
        });
    }

    /** Sleeps, treating an interrupt as the end of the sleep. */
    public static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Opens a connection to the service, or returns null if it cannot. */
    public Socket connect(Duration timeout) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            return socket;
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a socket that never connected: nothing to release.
            }
            return null;
        }
    }

    /**
     * Sends one line on a new connection and returns the one-line answer, or null on any
     * failure or timeout.
     */
    public String request(String line, Duration timeout) {
        Socket socket = connect(timeout);
        if (socket == null) {
            return null;
        }
        try (socket;
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            out.println(line);
            return in.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Sends an HTTP request with an empty body (for POST) and returns the status code, or -1
     * on any failure or timeout.
     */
    public int http(String method, String pathAndQuery, Duration timeout) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + pathAndQuery).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            if ("POST".equals(method)) {
                connection.setDoOutput(true);
                connection.getOutputStream().close();
            }
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return status;
        } catch (IOException e) {
            if (connection != null) {
                connection.disconnect();
            }
            return -1;
        }
    }
}
