package io.threadwatch.samples.grpchealthy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.threadwatch.samples.grpc.PriceSource;
import io.threadwatch.samples.grpc.PricingGrpc;
import java.util.concurrent.TimeUnit;

/** Asks the pricing backend for a price, with a deadline; a missing answer becomes "price unavailable". */
final class PriceLookup implements PriceSource {

    private static final long DEADLINE_MILLIS = 300;

    private final PricingGrpc.PricingBlockingStub pricing;

    PriceLookup(PricingGrpc.PricingBlockingStub pricing) {
        this.pricing = pricing;
    }

    @Override
    public String lookup(String sku) {
        try {
            return pricing.withDeadlineAfter(DEADLINE_MILLIS, TimeUnit.MILLISECONDS).price(sku);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
                return "unavailable";
            }
            throw e;
        }
    }
}
