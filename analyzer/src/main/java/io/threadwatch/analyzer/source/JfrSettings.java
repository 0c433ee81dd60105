package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.source.translate.EventTranslator;
import io.threadwatch.analyzer.source.translate.Translators;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The JFR settings the analysis needs, declared by its translators. */
public final class JfrSettings {

    private JfrSettings() {
    }

    /** One entry per event type the analysis reads, with the settings it needs. */
    public static List<JfrEventSettings> required() {
        return Translators.all().stream().map(EventTranslator::settings).toList();
    }

    private static final String THRESHOLD = "threshold";

    /** Chunk-bound periods: a stream may go a long time, or forever, without a new chunk. */
    private static final Set<String> CHUNK_PERIODS = Set.of("beginChunk", "endChunk", "everyChunk");

    /**
     * The settings for a live stream: {@link #required()}, with the thread dump period and the
     * threshold of the blocking events (park, monitor enter and wait, sleep, socket read, pinned)
     * given, and every chunk-bound period replaced by {@code configPeriod}, since a stream misses the
     * chunk-start events of its first chunk and may never see another chunk start. Every other
     * threshold stays as declared: {@code jdk.GarbageCollection} keeps {@code 0 ms}, or the live
     * {@code gc.count}, {@code gc.pause.p99} and {@code gc.overhead.ratio} would miss every short
     * collection.
     */
    public static List<JfrEventSettings> live(Duration threadDumpPeriod, Duration configPeriod,
                                              Duration blockingThreshold) {
        List<JfrEventSettings> live = new ArrayList<>();
        for (JfrEventSettings event : required()) {
            List<JfrEventSettings.Setting> settings = new ArrayList<>();
            for (JfrEventSettings.Setting setting : event.settings()) {
                if (setting.name().equals("period") && CHUNK_PERIODS.contains(setting.value())) {
                    setting = new JfrEventSettings.Setting("period", millis(configPeriod));
                } else if (setting.name().equals("period") && event.eventName().equals(JfrEventNames.THREAD_DUMP)) {
                    setting = new JfrEventSettings.Setting("period", millis(threadDumpPeriod));
                } else if (isBlockingThreshold(setting)) {
                    setting = new JfrEventSettings.Setting(THRESHOLD, millis(blockingThreshold));
                }
                settings.add(setting);
            }
            live.add(new JfrEventSettings(event.eventName(), settings));
        }
        return live;
    }

    /**
     * Whether a setting is the blocking threshold, i.e. was declared by a translator through
     * {@link JfrEventSettings#withBlockingThreshold()}: the blocking events' translators declare it,
     * and no other threshold (the GC's is {@code 0 ms}) takes its value.
     */
    private static boolean isBlockingThreshold(JfrEventSettings.Setting setting) {
        return setting.name().equals(THRESHOLD) && setting.value().equals(JfrEventSettings.BLOCKING_THRESHOLD);
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
