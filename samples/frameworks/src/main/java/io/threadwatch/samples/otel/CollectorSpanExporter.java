package io.threadwatch.samples.otel;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/** A span exporter that posts each batch as JSON lines to the collector's {@code /v1/traces}. */
final class CollectorSpanExporter implements SpanExporter {

    private final CollectorClient collector;

    CollectorSpanExporter(CollectorClient collector) {
        this.collector = collector;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        StringBuilder body = new StringBuilder();
        for (SpanData span : spans) {
            body.append("{\"traceId\":\"").append(span.getTraceId())
                    .append("\",\"spanId\":\"").append(span.getSpanId())
                    .append("\",\"name\":\"").append(span.getName())
                    .append("\",\"durationNanos\":").append(span.getEndEpochNanos() - span.getStartEpochNanos())
                    .append("}\n");
        }
        return collector.post("/v1/traces", body.toString()) ? CompletableResultCode.ofSuccess() : CompletableResultCode.ofFailure();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
