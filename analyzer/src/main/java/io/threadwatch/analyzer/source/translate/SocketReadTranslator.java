package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;

/** {@code jdk.SocketRead}: a blocking read that returned; {@code timeout} is SO_TIMEOUT. */
final class SocketReadTranslator implements EventTranslator {

    private static final String HOST = "host";
    private static final String ADDRESS = "address";
    private static final String PORT = "port";
    private static final String TIMEOUT = "timeout";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.SOCKET_READ).withStackTrace().withBlockingThreshold();
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        String host = event.getString(HOST);
        if (host == null || host.isEmpty()) {
            host = event.getString(ADDRESS);
        }
        String peer = context.peer(host == null ? "" : host, event.getInt(PORT));
        // 0 means "no SO_TIMEOUT" (jfr-reference §5).
        long timeoutNanos = event.durationNanos(TIMEOUT);
        boolean timed = timeoutNanos > 0;
        long duration = event.durationNanos();
        Waits.pass(event, sink, BlockingKind.SOCKET_READ, duration, timed, timed && duration >= timeoutNanos, peer);
    }
}
