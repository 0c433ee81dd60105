package io.threadwatch.samples.netty;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.concurrent.Executor;

/**
 * Answers {@code QUOTE <symbol>} with a price and the stock level. Asking the inventory blocks,
 * so it runs on the lookup executors, never on the event loop.
 */
final class QuoteHandler extends SimpleChannelInboundHandler<String> {

    private final Inventory inventory;
    private final Executor lookups;

    QuoteHandler(Inventory inventory, Executor lookups) {
        this.inventory = inventory;
        this.lookups = lookups;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String line) {
        String symbol = line.startsWith("QUOTE ") ? line.substring(6) : "?";
        lookups.execute(() -> {
            String stock;
            try {
                stock = inventory.fetch(symbol);
            } catch (Exception e) {
                stock = "stock unavailable";
            }
            ctx.writeAndFlush("OK " + symbol + " " + (100 + Math.floorMod(symbol.hashCode(), 900)) + " " + stock + "\n")
                    .addListener(ChannelFutureListener.CLOSE);
        });
    }
}
