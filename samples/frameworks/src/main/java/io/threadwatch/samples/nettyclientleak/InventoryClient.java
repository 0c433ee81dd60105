package io.threadwatch.samples.nettyclientleak;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.threadwatch.samples.netty.Inventory;
import io.threadwatch.samples.netty.InventoryProtocol;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks the inventory backend for a stock level, one connection per question.
 *
 * <p><b>Bug:</b> {@link #fetch} creates a new {@code MultiThreadIoEventLoopGroup} for every call
 * and only closes the channel, never {@code shutdownGracefully()} the group. Netty starts a
 * group's event-loop thread lazily, on the first task (here the channel's registration inside
 * {@code connect}), and that thread then waits in its selector for ever. <b>Fix:</b> one client
 * group for the service's lifetime (or the server's worker group: {@code ctx.channel().eventLoop()}),
 * shut down with the service; or at least {@code group.shutdownGracefully()} in a {@code finally}.
 */
final class InventoryClient implements Inventory {

    private static final long ANSWER_TIMEOUT_MILLIS = 2_000;

    private final InetSocketAddress backend;

    InventoryClient(InetSocketAddress backend) {
        this.backend = backend;
    }

    @Override
    public String fetch(String symbol) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        // The bug: a new group (and so a new event-loop thread) per call, never shut down.
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("inventory-client"), NioIoHandler.newFactory());
        Channel channel = InventoryProtocol.bootstrap(group, symbol, answer).connect(backend).sync().channel();
        try {
            return answer.get(ANSWER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } finally {
            channel.close();
        }
    }
}
