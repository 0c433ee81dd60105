package io.threadwatch.samples.nettyclientleak;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.SampleRun;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A quote server on Netty 4.2, one line {@code QUOTE <symbol>} per connection, that asks an
 * inventory backend (a second Netty server on loopback) for every quote through
 * {@link InventoryClient}. Boss, worker and lookup groups are created once, as in the healthy
 * variant.
 *
 * <p><b>Problem:</b> {@link InventoryClient#fetch} creates a client event-loop group per request
 * and never shuts it down; the group's event-loop thread starts on {@code connect} and lives on,
 * idle in its selector: one thread leaked per request ({@code inventory-client-N-1}), a thread
 * leak at {@code InventoryClient.fetch}. See {@link InventoryClient} for the fix.
 */
public final class QuoteServer {

    private QuoteServer() {
    }

    public static void main(String[] args) throws Exception {
        Duration duration = SampleRun.duration(args);
        Channel backend = serve("inventory", 1, InventoryHandler::new);
        InventoryClient inventory = new InventoryClient((InetSocketAddress) backend.localAddress());

        EventExecutorGroup lookups = new DefaultEventExecutorGroup(4, new DefaultThreadFactory("quote-exec"));
        Channel server = serve("quote", 2, () -> new QuoteHandler(inventory, lookups));

        int port = ((InetSocketAddress) server.localAddress()).getPort();
        LoadGenerator load = LoadGenerator.start(QuoteLoad.class, port, duration);
        SampleRun.runThenExit(duration, load);
    }

    /** A line-based server on loopback: one boss event loop, {@code ioThreads} worker event loops. */
    private static Channel serve(String name, int ioThreads, Supplier<ChannelHandler> handler)
            throws InterruptedException {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(name + "-boss"), NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory(name + "-io"), NioIoHandler.newFactory());
        return new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new LineBasedFrameDecoder(256))
                                .addLast(new StringDecoder(StandardCharsets.UTF_8))
                                .addLast(new StringEncoder(StandardCharsets.UTF_8))
                                .addLast(handler.get());
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }
}
