package io.threadwatch.samples.vthreadpinning;

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
 * A pricing service: one line {@code PRICE <sku> <cents> <tier>} per connection, answered with
 * the discounted price; each request runs on a new virtual thread ({@code pricing-1}, ...).
 *
 * <p>Discounts come from a rule class that the service loads in a fresh class loader for every
 * request ({@link RulesLoader}, "hot reload", so that edited rules go live without a restart).
 *
 * <p><b>Problem:</b> the rule class's static initializer fetches the rule set from the rules
 * repository ({@link RuleRepository#fetch}, a 25–45 ms remote call). A virtual thread that
 * blocks while a class initializer is on its stack cannot unmount: it pins its carrier thread
 * for the whole call (about 25 times a second, {@code jdk.VirtualThreadPinned} with
 * {@code pinnedReason="VM call to ...DiscountRules.<clinit> on stack"}). With as many carriers
 * as cores, a few such requests at once stall every other virtual thread. See
 * {@link RulesLoader} for the fix.
 */
public final class PricingService {

    private final ServerSocket serverSocket;
    private final ExecutorService handlers;
    private final PricingHandler handler;

    PricingService(ServerSocket serverSocket, ExecutorService handlers, PricingHandler handler) {
        this.serverSocket = serverSocket;
        this.handlers = handlers;
        this.handler = handler;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        ExecutorService handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("pricing-", 1).factory());
        PricingHandler handler = new PricingHandler(RulesLoader.create());
        ServerSocket serverSocket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        PricingService service = new PricingService(serverSocket, handlers, handler);
        new Thread(service::acceptLoop, "pricing-acceptor").start();

        LoadGenerator load = LoadGenerator.start(PricingLoad.class, serverSocket.getLocalPort(), duration);
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
