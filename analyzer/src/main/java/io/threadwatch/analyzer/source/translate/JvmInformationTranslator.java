package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.JvmInfo;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;
import java.time.Instant;

/** {@code jdk.JVMInformation}: which JVM was recorded. Its arguments are not copied (they may hold secrets). */
final class JvmInformationTranslator implements EventTranslator {

    private static final String JVM_NAME = "jvmName";
    private static final String JVM_VERSION = "jvmVersion";
    private static final String PID = "pid";
    private static final String JVM_START_TIME = "jvmStartTime";

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.JVM_INFORMATION).withPeriod("beginChunk");
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        Instant started = event.instant(JVM_START_TIME);
        sink.accept(new JvmInfo(event.startTime(), nonNull(event.getString(JVM_NAME)),
                version(nonNull(event.getString(JVM_VERSION))), event.getLong(PID),
                started == null ? Instant.EPOCH : started));
    }

    /** The Java version of the recorded JVM, from its {@code jvmVersion} ({@link JavaVersion}). */
    static String version(String jvmVersion) {
        return JavaVersion.of(jvmVersion);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
