package io.threadwatch.samples.grpchealthy;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.threadwatch.samples.support.LoadDriver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Load for {@link QuoteFrontend}: a burst every 6 to 8 s (the first after 1 s) of 10 clients
 * asking 4 quotes each back to back (2 s deadline), then nothing until the next burst.
 */
public final class QuoteLoad {

    private static final int CLIENTS = 10;
    private static final int REQUESTS_PER_CLIENT = 4;

    private QuoteLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        ManagedChannel channel = NettyChannelBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), driver.port()))
                .usePlaintext()
                .build();
        QuoteGrpc.QuoteBlockingStub quotes = QuoteGrpc.newBlockingStub(channel);
        LoadDriver.startClient("bursts", () -> {
            LoadDriver.pause(1_000);
            for (int burst = 0; ; burst++) {
                CountDownLatch done = new CountDownLatch(CLIENTS);
                for (int c = 0; c < CLIENTS; c++) {
                    int first = burst * 100 + c * REQUESTS_PER_CLIENT;
                    LoadDriver.startClient("client-" + c, () -> {
                        for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                            try {
                                quotes.withDeadlineAfter(2, TimeUnit.SECONDS).getQuote("SKU" + (first + r));
                            } catch (RuntimeException e) {
                                // A load generator keeps going whatever the service answers.
                            }
                        }
                        done.countDown();
                    });
                }
                try {
                    done.await();
                } catch (InterruptedException e) {
                    return;
                }
                LoadDriver.pause(6_000 + (burst * 677L) % 2_000);
            }
        });
    }
}
