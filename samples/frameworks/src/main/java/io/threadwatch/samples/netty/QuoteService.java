package io.threadwatch.samples.netty;

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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The quote server of the Netty samples, on Netty 4.2: one line {@code QUOTE <symbol>} per
 * connection, answered with a price and the stock level that an inventory backend (a second Netty
 * server on loopback, {@link InventoryHandler}) gives for the symbol. A boss group of one event
 * loop ({@code quote-boss-N-1}) accepts, a worker group of two ({@code quote-io-N-M}) does the
 * I/O, and the blocking inventory question runs on a separate executor group of four
 * ({@code quote-exec-N-M}) so that it never blocks an event loop. Bursts of 40 requests every 6 to
 * 8 s ({@link QuoteLoad}); the event loops and executors sit idle in between. The variants differ
 * only in their {@link Inventory} client: {@code nettyhealthy} and {@code nettyclientleak}.
 */
public final class QuoteService {

    private QuoteService() {
    }

    /** Runs the quote server with the inventory client {@code clients} makes for the backend's address, for the duration in {@code args}. */
    public static void run(String[] args, Function<InetSocketAddress, Inventory> clients) throws Exception {
        Duration duration = SampleRun.duration(args);
        Channel backend = serve("inventory", 1, InventoryHandler::new);
        Inventory inventory = clients.apply((InetSocketAddress) backend.localAddress());

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
