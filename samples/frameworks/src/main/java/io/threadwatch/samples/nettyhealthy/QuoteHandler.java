package io.threadwatch.samples.nettyhealthy;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Answers {@code QUOTE <symbol>} with a price and closes the connection. The lookup blocks, so
 * it runs on the lookup executors, never on the event loop; the answer is written from there
 * ({@code writeAndFlush} is thread-safe).
 */
final class QuoteHandler extends SimpleChannelInboundHandler<String> {

    private final Executor lookups;

    QuoteHandler(Executor lookups) {
        this.lookups = lookups;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String line) {
        String symbol = line.startsWith("QUOTE ") ? line.substring(6) : "?";
        lookups.execute(() -> ctx.writeAndFlush("OK " + symbol + " " + lookUpPrice(symbol) + "\n")
                .addListener(ChannelFutureListener.CLOSE));
    }

    /** Stands in for the market-data lookup (10 to 30 ms). */
    private static int lookUpPrice(String symbol) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 31));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100 + Math.floorMod(symbol.hashCode(), 900);
    }
}
