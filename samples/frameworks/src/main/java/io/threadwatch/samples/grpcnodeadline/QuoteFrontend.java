package io.threadwatch.samples.grpcnodeadline;

import io.threadwatch.samples.grpc.QuoteFrontendServer;

/**
 * The gRPC quote front end of {@link QuoteFrontendServer}: it prices each quote with a pricing
 * backend (a second gRPC server on loopback) through a blocking stub, on a pool of 8 lookup
 * threads ({@code price-lookup-N}); {@code main} blocks until shutdown, as gRPC services do. The
 * backend loses one request in twenty.
 *
 * <p><b>Problem:</b> {@link PriceLookup#lookup} calls the backend without a deadline, so every
 * lost request pins a lookup thread for ever (blocked forever at {@code PriceLookup.lookup}):
 * two more per burst of 40, all 8 after about 4 bursts; after that quotes queue for a lookup
 * thread and the clients' 2 s deadlines expire. See {@link PriceLookup} for the fix.
 */
public final class QuoteFrontend {

    private QuoteFrontend() {
    }

    public static void main(String[] args) throws Exception {
        QuoteFrontendServer.run(args, PriceLookup::new);
    }
}
