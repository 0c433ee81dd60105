package io.threadwatch.samples.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.concurrent.TimeUnit;

/** The inventory backend: answers {@code STOCK <symbol>} 5 to 15 ms later (scheduled, never blocking its event loop). */
final class InventoryHandler extends SimpleChannelInboundHandler<String> {

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String line) {
        int units = Math.floorMod(line.hashCode(), 500);
        ctx.executor().schedule(() -> ctx.writeAndFlush("IN-STOCK " + units + "\n"), 5 + units % 11, TimeUnit.MILLISECONDS);
    }
}
