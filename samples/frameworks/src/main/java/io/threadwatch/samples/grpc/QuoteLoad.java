package io.threadwatch.samples.grpc;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.threadwatch.samples.support.LoadDriver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Load for the quote front end ({@link QuoteFrontendServer}): a burst every 6 to 8 s (the first
 * after 1 s) of 10 clients asking 4 quotes each back to back (2 s deadline), then nothing until
 * the next burst.
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
        LoadDriver.startBursts(CLIENTS, REQUESTS_PER_CLIENT, (burst, client, r) -> {
            try {
                quotes.withDeadlineAfter(2, TimeUnit.SECONDS).getQuote("SKU" + (burst * 100 + client * REQUESTS_PER_CLIENT + r));
            } catch (RuntimeException e) {
                // A load generator keeps going whatever the service answers.
            }
        });
    }
}
