package io.threadwatch.samples.nettyhealthy;

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
 * Asks the inventory backend for a stock level, one connection per question, all on <b>one</b>
 * client event-loop group for the service's lifetime: its single event-loop thread
 * ({@code inventory-client-N-1}) starts on the first connect and serves every later one.
 */
final class InventoryClient implements Inventory {

    private static final long ANSWER_TIMEOUT_MILLIS = 2_000;

    private final InetSocketAddress backend;
    private final EventLoopGroup group;

    InventoryClient(InetSocketAddress backend) {
        this.backend = backend;
        // Netty starts the group's thread lazily, on its first task: nothing runs yet.
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("inventory-client"), NioIoHandler.newFactory());
    }

    @Override
    public String fetch(String symbol) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        Channel channel = InventoryProtocol.bootstrap(group, symbol, answer).connect(backend).sync().channel();
        try {
            return answer.get(ANSWER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } finally {
            channel.close();
        }
    }
}
