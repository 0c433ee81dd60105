package io.threadwatch.samples.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.stub.AbstractBlockingStub;
import io.grpc.stub.ClientCalls;

/**
 * {@code pricing.PricingService}, written by hand in the shape protoc's gRPC plugin generates
 * (a {@code <Service>Grpc} class in the application's package, with a method descriptor and a
 * blocking stub), so the stacks look like a real service's.
 */
public final class PricingGrpc {

    static final MethodDescriptor<String, String> PRICE = Utf8Marshaller.unary("pricing.PricingService", "Price");

    private PricingGrpc() {
    }

    static PricingBlockingStub newBlockingStub(Channel channel) {
        return AbstractBlockingStub.newStub(PricingBlockingStub::new, channel);
    }

    /** The blocking stub: each call waits on the calling thread until the answer, the deadline or an error. */
    public static final class PricingBlockingStub extends AbstractBlockingStub<PricingBlockingStub> {

        private PricingBlockingStub(Channel channel, CallOptions callOptions) {
            super(channel, callOptions);
        }

        @Override
        protected PricingBlockingStub build(Channel channel, CallOptions callOptions) {
            return new PricingBlockingStub(channel, callOptions);
        }

        public String price(String sku) {
            return ClientCalls.blockingUnaryCall(getChannel(), PRICE, getCallOptions(), sku);
        }
    }
}
