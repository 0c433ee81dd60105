package io.threadwatch.samples.grpc;

import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pricing backend: answers 5 to 30 ms later from a timer, never blocking a thread. It loses
 * one request in twenty (a counter, so deterministically): that request is never answered.
 */
final class PricingBackend {

    static final int LOSE_ONE_IN = 20;

    private final ScheduledExecutorService timer;
    private final AtomicLong requests = new AtomicLong();

    PricingBackend(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    ServerServiceDefinition service() {
        return ServerServiceDefinition.builder("pricing.PricingService")
                .addMethod(PricingGrpc.PRICE, ServerCalls.asyncUnaryCall(this::price))
                .build();
    }

    private void price(String sku, StreamObserver<String> reply) {
        long n = requests.incrementAndGet();
        if (n % LOSE_ONE_IN == 0) {
            return; // lost: no answer, no error, the call stays open
        }
        long delayMillis = 5 + n * 7 % 26;
        timer.schedule(() -> {
            reply.onNext(Integer.toString(100 + Math.floorMod(sku.hashCode(), 900)));
            reply.onCompleted();
        }, delayMillis, TimeUnit.MILLISECONDS);
    }
}
