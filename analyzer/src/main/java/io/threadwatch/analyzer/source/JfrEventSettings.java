package io.threadwatch.analyzer.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The JFR settings one event type needs for the analysis, as JFR spells them ({@code enabled},
 * {@code stackTrace}, {@code threshold}, {@code period}). The {@code .jfc} file and, later, the
 * live recorder's stream are built from these declarations.
 *
 * @param eventName the JFR event type
 * @param settings  setting name and value pairs, in the order they are written
 */
public record JfrEventSettings(String eventName, List<Setting> settings) {

    /** The threshold below which blocking events are not recorded: JDK's default. */
    public static final String BLOCKING_THRESHOLD = "20 ms";
    /** How often to take a thread dump: often enough to confirm a 20 s stuck thread with 3 dumps. */
    public static final String THREAD_DUMP_PERIOD = "10 s";

    /** One setting. */
    public record Setting(String name, String value) {
        public Setting {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public JfrEventSettings {
        Objects.requireNonNull(eventName, "eventName");
        settings = List.copyOf(settings);
    }

    /** An event that is enabled and needs nothing else. */
    public static JfrEventSettings enabled(String eventName) {
        return new JfrEventSettings(eventName, List.of(new Setting("enabled", "true")));
    }

    /** This declaration with one more setting. */
    public JfrEventSettings with(String name, String value) {
        List<Setting> more = new ArrayList<>(settings);
        more.add(new Setting(name, value));
        return new JfrEventSettings(eventName, more);
    }

    /** This declaration with stack traces on. */
    public JfrEventSettings withStackTrace() {
        return with("stackTrace", "true");
    }

    /** This declaration with the blocking threshold. */
    public JfrEventSettings withBlockingThreshold() {
        return with("threshold", BLOCKING_THRESHOLD);
    }

    /** This declaration with a period, e.g. {@code 1000 ms} or {@code beginChunk}. */
    public JfrEventSettings withPeriod(String period) {
        return with("period", period);
    }
}
