package io.threadwatch.bench.bigfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Hundreds of threads that block just long enough (about 25 ms) to pass the 20 ms thresholds of
 * {@code threadwatch.jfc}: parks, contended {@code synchronized} blocks, {@code Object.wait},
 * loopback socket reads, short-lived threads (churn) and garbage for the collector.
 * {@link #close()} stops them all.
 */
final class BlockingWorkload implements AutoCloseable {
    private static final long BLOCK_NANOS = 25_000_000L;
    private static final int LOCKS = 16;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final Object[] locks = new Object[LOCKS];
    private final ServerSocket server;
    private volatile Object sink;

    /** Starts {@code threadsPerKind} threads of each kind. */
    BlockingWorkload(int threadsPerKind) throws IOException {
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new Object();
        }
        server = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        start("echo-acceptor", this::accept);
        for (int i = 0; i < threadsPerKind; i++) {
            start("parker-" + i, this::park);
            start("contender-" + i, this::contend);
            start("waiter-" + i, this::waitOnMonitor);
            start("socket-client-" + i, this::readSocket);
        }
        start("churn", this::churn);
        start("allocator", this::allocate);
    }

    private void start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void park() {
        while (running.get()) {
            LockSupport.parkNanos(this, BLOCK_NANOS);
        }
    }

    private void contend() {
        while (running.get()) {
            Object lock = locks[ThreadLocalRandom.current().nextInt(LOCKS)];
            synchronized (lock) {
                LockSupport.parkNanos(BLOCK_NANOS);
            }
        }
    }

    private void waitOnMonitor() {
        Object monitor = new Object();
        while (running.get()) {
            synchronized (monitor) {
                try {
                    monitor.wait(BLOCK_NANOS / 1_000_000L);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void accept() {
        while (running.get()) {
            try {
                Socket socket = server.accept();
                Thread echo = new Thread(() -> echo(socket), "echo-server");
                echo.setDaemon(true);
                echo.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Answers each byte after about 25 ms, so that the client's read passes the threshold. */
    private void echo(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            int b;
            while ((b = in.read()) >= 0) {
                LockSupport.parkNanos(BLOCK_NANOS);
                out.write(b);
                out.flush();
            }
        } catch (IOException e) {
            // the client left
        }
    }

    /** Sends one byte and reads the answer, about 25 ms later, until stopped. */
    private void readSocket() {
        try (Socket socket = new Socket(server.getInetAddress(), server.getLocalPort());
                InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (running.get()) {
                out.write(1);
                out.flush();
                if (in.read() < 0) {
                    return;
                }
            }
        } catch (IOException e) {
            // stopped
        }
    }

    /** Starts short threads that park once and end: thread start and end events. */
    private void churn() {
        while (running.get()) {
            for (int i = 0; i < 20; i++) {
                Thread shortLived = new Thread(() -> LockSupport.parkNanos(BLOCK_NANOS), "churn-worker");
                shortLived.setDaemon(true);
                shortLived.start();
            }
            LockSupport.parkNanos(10_000_000L);
        }
    }

    private void allocate() {
        while (running.get()) {
            for (int i = 0; i < 1_000; i++) {
                sink = new byte[16 * 1024];
            }
            LockSupport.parkNanos(5_000_000L);
        }
    }

    @Override
    public void close() throws IOException {
        running.set(false);
        server.close();
    }
}
