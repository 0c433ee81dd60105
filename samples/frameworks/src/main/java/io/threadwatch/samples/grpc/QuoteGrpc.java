package io.threadwatch.samples.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.stub.AbstractBlockingStub;
import io.grpc.stub.ClientCalls;

/** {@code quotes.QuoteService}, the front end's service, in the shape protoc generates (see {@link PricingGrpc}). */
final class QuoteGrpc {

    static final MethodDescriptor<String, String> GET_QUOTE = Utf8Marshaller.unary("quotes.QuoteService", "GetQuote");

    private QuoteGrpc() {
    }

    static QuoteBlockingStub newBlockingStub(Channel channel) {
        return AbstractBlockingStub.newStub(QuoteBlockingStub::new, channel);
    }

    /** The blocking stub the load generator calls. */
    static final class QuoteBlockingStub extends AbstractBlockingStub<QuoteBlockingStub> {

        private QuoteBlockingStub(Channel channel, CallOptions callOptions) {
            super(channel, callOptions);
        }

        @Override
        protected QuoteBlockingStub build(Channel channel, CallOptions callOptions) {
            return new QuoteBlockingStub(channel, callOptions);
        }

        String getQuote(String sku) {
            return ClientCalls.blockingUnaryCall(getChannel(), GET_QUOTE, getCallOptions(), sku);
        }
    }
}
