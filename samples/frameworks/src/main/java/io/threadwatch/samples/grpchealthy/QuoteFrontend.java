package io.threadwatch.samples.grpchealthy;

import io.threadwatch.samples.grpc.QuoteFrontendServer;

/**
 * Healthy control: the gRPC quote front end of {@link QuoteFrontendServer} (a pricing backend on
 * loopback that loses one request in twenty, 8 lookup threads {@code price-lookup-N}, {@code main}
 * blocked until shutdown). Every backend call of {@link PriceLookup} has a 300 ms deadline, so a
 * lost request costs one lookup thread 300 ms and the quote says "unavailable". Bursts of 40
 * quotes every 6 to 8 s. Expected findings: none.
 */
public final class QuoteFrontend {

    private QuoteFrontend() {
    }

    public static void main(String[] args) throws Exception {
        QuoteFrontendServer.run(args, PriceLookup::new);
    }
}
