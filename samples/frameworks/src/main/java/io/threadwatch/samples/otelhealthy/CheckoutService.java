package io.threadwatch.samples.otelhealthy;

import io.threadwatch.samples.otel.CheckoutServer;

/**
 * Healthy control: the checkout API of {@link CheckoutServer} (4 request workers, spans exported
 * to a collector endpoint on loopback, a hand-written metrics exporter polling every 5 s)
 * instrumented with <b>one</b> {@code SdkTracerProvider} for the service's lifetime
 * ({@link ServiceTracing}). Bursts of 24 checkouts every 6 to 8 s; the exporters are idle most of
 * the time. Expected findings: none.
 */
public final class CheckoutService {

    private CheckoutService() {
    }

    public static void main(String[] args) throws Exception {
        CheckoutServer.run(args, ServiceTracing::start);
    }
}
