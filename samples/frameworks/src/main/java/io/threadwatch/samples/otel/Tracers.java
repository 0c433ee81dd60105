package io.threadwatch.samples.otel;

import io.opentelemetry.api.trace.Tracer;

/** Gives each request of a tenant its tracer: each variant's own use of the SDK. */
public interface Tracers {

    /** The tracer for a request of {@code tenant}. */
    Tracer tracerFor(String tenant);
}
