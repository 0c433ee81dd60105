package io.threadwatch.samples.grpc;

/** Where the front end gets a quote's price: each variant's own call to the pricing backend. */
public interface PriceSource {

    /** The price of {@code sku}, as the backend (or a fallback) says it. */
    String lookup(String sku);
}
