package io.threadwatch.samples.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The inventory backend's line protocol, client side: one question ({@code STOCK <symbol>}) per
 * connection, sent as soon as it is connected, and one answer line. Where the connection's event
 * loop comes from is the caller's choice (and, in {@code nettyclientleak}, its bug).
 */
public final class InventoryProtocol {

    private InventoryProtocol() {
    }

    /** A bootstrap on {@code group} that asks about {@code symbol} once connected and completes {@code answer}. */
    public static Bootstrap bootstrap(EventLoopGroup group, String symbol, CompletableFuture<String> answer) {
        return new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new LineBasedFrameDecoder(256))
                                .addLast(new StringDecoder(StandardCharsets.UTF_8))
                                .addLast(new StringEncoder(StandardCharsets.UTF_8))
                                .addLast(new SimpleChannelInboundHandler<String>() {
                                    @Override
                                    public void channelActive(ChannelHandlerContext ctx) {
                                        ctx.writeAndFlush("STOCK " + symbol + "\n");
                                    }

                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, String line) {
                                        answer.complete(line);
                                    }
                                });
                    }
                });
    }
}
