package io.threadwatch.samples.otelhealthy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.threadwatch.samples.otel.Tracers;

/**
 * <b>One</b> {@code SdkTracerProvider} for the service's lifetime, built once at start: its
 * {@code BatchSpanProcessor} worker thread ({@code BatchSpanProcessor_WorkerThread-1}) exports
 * every second. Every tenant's requests get its one tracer; the tenant goes on each span as an
 * attribute (the checkout handler sets it), not on the resource.
 */
final class ServiceTracing implements Tracers {

    private final Tracer tracer;

    private ServiceTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Builds the provider, which starts its export thread. */
    static ServiceTracing start(SpanExporter exporter) {
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout"))))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
                .build();
        return new ServiceTracing(provider.get("io.threadwatch.samples.checkout"));
    }

    @Override
    public Tracer tracerFor(String tenant) {
        return tracer;
    }
}
