package io.threadwatch.samples.oteltracerleak;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.threadwatch.samples.otel.Tracers;

/**
 * Gives each tenant's requests a tracer whose resource names the tenant, so that the tenant
 * shows on every span in the tracing backend.
 *
 * <p><b>Bug:</b> {@link #tracerFor} builds a new {@code SdkTracerProvider}, with a new
 * {@code BatchSpanProcessor}, for every call, and nobody ever calls {@code shutdown()} on it.
 * A {@code BatchSpanProcessor} starts its worker thread ({@code BatchSpanProcessor_WorkerThread-N},
 * a daemon that wakes every second to export) in its constructor, so every request leaks one
 * thread, created at {@code TenantTracing.tracerFor}. <b>Fix:</b> one tracer provider for the
 * service (the tenant as a span attribute), or one per tenant, cached and shut down with the
 * service.
 */
final class TenantTracing implements Tracers {

    private final SpanExporter exporter;

    TenantTracing(SpanExporter exporter) {
        this.exporter = exporter;
    }

    @Override
    public Tracer tracerFor(String tenant) {
        // The bug: a provider (and an export thread) per call, never shut down.
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        AttributeKey.stringKey("service.name"), "checkout", AttributeKey.stringKey("tenant"), tenant))))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
                .build();
        return provider.get("io.threadwatch.samples.checkout");
    }
}
