package io.threadwatch.samples.grpcnodeadline;

import io.threadwatch.samples.grpc.PriceSource;
import io.threadwatch.samples.grpc.PricingGrpc;

/**
 * Asks the pricing backend for a price.
 *
 * <p><b>Bug:</b> {@link #lookup} calls the blocking stub without a deadline. The backend loses
 * one request in twenty and never answers it, so the lookup thread waits in the stub for ever:
 * one more {@code price-lookup} thread stuck (untimed park under
 * {@code ClientCalls.blockingUnaryCall}) for every lost request. The call runs on the lookup
 * pool, outside the incoming call's gRPC {@code Context}, so it inherits neither the client's
 * deadline nor its cancellation. <b>Fix:</b> {@code pricing.withDeadlineAfter(300,
 * MILLISECONDS)} (and a fallback for {@code DEADLINE_EXCEEDED}), or propagate the incoming
 * context ({@code Context.current().wrap(...)}) so that its deadline applies.
 */
final class PriceLookup implements PriceSource {

    private final PricingGrpc.PricingBlockingStub pricing;

    PriceLookup(PricingGrpc.PricingBlockingStub pricing) {
        this.pricing = pricing;
    }

    @Override
    public String lookup(String sku) {
        // The bug: no deadline.
        return pricing.price(sku);
    }
}
