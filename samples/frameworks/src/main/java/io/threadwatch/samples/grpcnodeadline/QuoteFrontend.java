package io.threadwatch.samples.grpcnodeadline;

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

/**
 * A quote front end on gRPC-java ({@code quotes.QuoteService/GetQuote}, Netty transport) that
 * prices each quote with a pricing backend (a second gRPC server on loopback) through a blocking
 * stub, on a pool of 8 lookup threads ({@code price-lookup-N}). {@code main} blocks until
 * shutdown in {@link Lifecycle#blockUntilShutdown}, as gRPC services do. The backend loses one
 * request in twenty.
 *
 * <p><b>Problem:</b> {@link PriceLookup#lookup} calls the backend without a deadline, so every
 * lost request pins a lookup thread for ever (blocked forever at {@code PriceLookup.lookup}):
 * two more per burst of 40, all 8 after about 4 bursts; after that quotes queue for a lookup
 * thread and the clients' 2 s deadlines expire. See {@link PriceLookup} for the fix.
 */
public final class QuoteFrontend {

    private static final int LOOKUP_THREADS = 8;

    private QuoteFrontend() {
    }

    public static void main(String[] args) throws Exception {
        Duration duration = SampleRun.duration(args);
        PricingBackend pricing = new PricingBackend(Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("pricing-timer")));
        Server backend = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .executor(Executors.newFixedThreadPool(2, new NamedThreadFactory("pricing-worker")))
                .addService(pricing.service())
                .build().start();
        ManagedChannel pricingChannel = NettyChannelBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), backend.getPort()))
                .usePlaintext()
                .build();
        PriceLookup lookup = new PriceLookup(PricingGrpc.newBlockingStub(pricingChannel));
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
