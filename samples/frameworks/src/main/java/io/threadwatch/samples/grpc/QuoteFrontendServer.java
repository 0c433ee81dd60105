package io.threadwatch.samples.grpc;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.NamedThreadFactory;
import io.threadwatch.samples.support.SampleRun;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The quote front end of the gRPC samples: a gRPC-java server ({@code quotes.QuoteService/GetQuote},
 * Netty transport, {@code quote-worker-N}) that prices each quote with a pricing backend (a second
 * gRPC server on loopback, {@link PricingBackend}, which loses one request in twenty) through a
 * blocking stub, on a pool of 8 lookup threads ({@code price-lookup-N}). {@code main} blocks until
 * shutdown in {@link Lifecycle#blockUntilShutdown} (a latch, no timeout), as gRPC services do.
 * Bursts of 40 quotes every 6 to 8 s ({@link QuoteLoad}). The variants differ only in their
 * {@link PriceSource}: {@code grpchealthy} and {@code grpcnodeadline}.
 */
public final class QuoteFrontendServer {

    private static final int LOOKUP_THREADS = 8;

    private QuoteFrontendServer() {
    }

    /** Runs the front end with the price source {@code sources} makes from the pricing stub, for the duration in {@code args}. */
    public static void run(String[] args, Function<PricingGrpc.PricingBlockingStub, PriceSource> sources) throws Exception {
        Duration duration = SampleRun.duration(args);
        PricingBackend pricing = new PricingBackend(Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("pricing-timer")));
        Server backend = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .executor(Executors.newFixedThreadPool(2, new NamedThreadFactory("pricing-worker")))
                .addService(pricing.service())
                .build().start();
        ManagedChannel pricingChannel = NettyChannelBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), backend.getPort()))
                .usePlaintext()
                .build();
        PriceSource lookup = sources.apply(PricingGrpc.newBlockingStub(pricingChannel));
        ExecutorService lookups = Executors.newFixedThreadPool(LOOKUP_THREADS, new NamedThreadFactory("price-lookup"));

        ServerServiceDefinition quotes = ServerServiceDefinition.builder("quotes.QuoteService")
                .addMethod(QuoteGrpc.GET_QUOTE, ServerCalls.asyncUnaryCall((sku, reply) ->
                        CompletableFuture.supplyAsync(() -> lookup.lookup(sku), lookups).whenComplete((price, failure) -> {
                            if (failure != null) {
                                reply.onError(failure);
                            } else {
                                reply.onNext("QUOTE " + sku + " " + price);
                                reply.onCompleted();
                            }
                        })))
                .build();
        Server frontend = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .executor(Executors.newFixedThreadPool(4, new NamedThreadFactory("quote-worker")))
                .addService(quotes)
                .build().start();

        Lifecycle lifecycle = new Lifecycle(List.of(frontend, backend));
        LoadGenerator load = LoadGenerator.start(QuoteLoad.class, frontend.getPort(), duration);
        lifecycle.exitAfter(duration, load);
        lifecycle.blockUntilShutdown();
    }
}
