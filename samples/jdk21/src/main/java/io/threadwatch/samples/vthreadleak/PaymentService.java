package io.threadwatch.samples.vthreadleak;

import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.SampleRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A payment-intake service: one line {@code PAY <account> <cents> <currency>} per connection,
 * each request handled on a new virtual thread ({@code payment-1}, {@code payment-2}, ...).
 *
 * <p>A payment is scored for fraud, written to the ledger, acknowledged to the client, and then
 * its virtual thread waits for the clearing house's confirmation to mark it settled.
 *
 * <p><b>Problem:</b> only euro payments are ever confirmed (see {@link ClearingHouse}); the
 * handler waits for the confirmation with {@code take()} and no timeout, so every other payment
 * leaves a virtual thread parked forever: about 15 leaked virtual threads a second, from the
 * first second on. See {@link PaymentHandler} for the fix.
 */
public final class PaymentService {

    private final ServerSocket serverSocket;
    private final ExecutorService handlers;
    private final PaymentHandler handler;

    PaymentService(ServerSocket serverSocket, ExecutorService handlers, PaymentHandler handler) {
        this.serverSocket = serverSocket;
        this.handlers = handlers;
        this.handler = handler;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        // One virtual thread per request: cheap, so the executor is created once and never bounded.
        ExecutorService handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("payment-", 1).factory());
        PaymentHandler handler = new PaymentHandler(ClearingHouse.start());
        ServerSocket serverSocket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        PaymentService service = new PaymentService(serverSocket, handlers, handler);
        new Thread(service::acceptLoop, "payment-acceptor").start();

        LoadGenerator load = LoadGenerator.start(PaymentLoad.class, serverSocket.getLocalPort(), duration);
        SampleRun.runThenExit(duration, load);
    }

    void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                handlers.execute(() -> handler.handle(client));
            } catch (IOException e) {
                return; // the server socket was closed
            }
        }
    }
}
