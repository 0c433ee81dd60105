package io.threadwatch.samples.oteltracerleak;

import io.threadwatch.samples.otel.CheckoutServer;

/**
 * The checkout API of {@link CheckoutServer} ({@code POST /checkout?tenant=<t>&cart=<n>}, 4
 * request workers) instrumented with the OpenTelemetry SDK, exporting spans to a collector
 * endpoint on loopback, plus a hand-written metrics exporter thread that polls its queue every
 * 5 s. Bursts of 24 checkouts every 6 to 8 s.
 *
 * <p><b>Problem:</b> spans are traced through {@link TenantTracing#tracerFor}, which builds a
 * new {@code SdkTracerProvider} (and {@code BatchSpanProcessor} worker thread) per request and
 * never shuts it down: 24 threads leaked per burst, about 120 after 40 s (a thread leak at
 * {@code TenantTracing.tracerFor}). See {@link TenantTracing} for the fix.
 */
public final class CheckoutService {

    private CheckoutService() {
    }

    public static void main(String[] args) throws Exception {
        CheckoutServer.run(args, TenantTracing::new);
    }
}
