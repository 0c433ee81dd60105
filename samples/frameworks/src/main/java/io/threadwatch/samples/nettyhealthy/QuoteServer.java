package io.threadwatch.samples.nettyhealthy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
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

/**
 * Healthy control: a quote server on Netty 4.2, one line {@code QUOTE <symbol>} per connection.
 * A boss group of one event loop ({@code quote-boss-N-1}) accepts, a worker group of two
 * ({@code quote-io-N-M}) does the I/O, and the slow quote lookup (10 to 30 ms) runs on a separate
 * executor group of four ({@code quote-exec-N-M}) so that it never blocks an event loop. Bursts of
 * 40 requests every 6 to 8 s; the event loops and executors sit idle in between. Expected
 * findings: none.
 */
public final class QuoteServer {

    private QuoteServer() {
    }

    public static void main(String[] args) throws Exception {
        Duration duration = SampleRun.duration(args);
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("quote-boss"), NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("quote-io"), NioIoHandler.newFactory());
        EventExecutorGroup lookups = new DefaultEventExecutorGroup(4, new DefaultThreadFactory("quote-exec"));
        Channel server = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new LineBasedFrameDecoder(256))
                                .addLast(new StringDecoder(StandardCharsets.UTF_8))
                                .addLast(new StringEncoder(StandardCharsets.UTF_8))
                                .addLast(new QuoteHandler(lookups));
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();

        int port = ((InetSocketAddress) server.localAddress()).getPort();
        LoadGenerator load = LoadGenerator.start(QuoteLoad.class, port, duration);
        SampleRun.runThenExit(duration, load);
    }
}
