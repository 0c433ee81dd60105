package io.threadwatch.analyzer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A setting the recording ran with ({@code jdk.ActiveSetting}), for an event type the analysis
 * uses, so that the report can say what could not be assessed.
 *
 * @param time      when it was recorded
 * @param eventType the JFR event type, e.g. {@code jdk.ThreadDump}
 * @param name      the setting, e.g. {@code enabled}, {@code period}, {@code threshold}, {@code stackTrace}
 * @param value     its value as JFR writes it, e.g. {@code true}, {@code everyChunk}, {@code 20 ms}
 */
public record SettingObserved(Instant time, String eventType, String name, String value) implements Event {

    public SettingObserved {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
