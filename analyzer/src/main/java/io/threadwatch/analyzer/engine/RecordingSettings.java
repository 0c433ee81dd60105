package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.SettingObserved;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JFR settings the recording ran with, for the event types the analysis reads. When several
 * recordings ran in the JVM, JFR merges them (enabled if any enables, the shortest period), and so
 * does this.
 */
final class RecordingSettings {

    private final Map<String, Map<String, String>> byEvent = new HashMap<>();

    void observe(SettingObserved setting) {
        Map<String, String> settings = byEvent.computeIfAbsent(setting.eventType(), e -> new HashMap<>());
        settings.merge(setting.name(), setting.value(), (old, now) -> merge(setting.name(), old, now));
    }

    /** Whether the recording said anything about its settings. */
    boolean known() {
        return !byEvent.isEmpty();
    }

    /** Whether the event type was enabled; empty when the recording does not say. */
    Optional<Boolean> enabled(String eventType) {
        return value(eventType, "enabled").map(Boolean::parseBoolean);
    }

    /** Whether stack traces were on; empty when the recording does not say. */
    Optional<Boolean> stackTrace(String eventType) {
        return value(eventType, "stackTrace").map(Boolean::parseBoolean);
    }

    /** The period as written, e.g. {@code everyChunk} or {@code 10 s}. */
    Optional<String> period(String eventType) {
        return value(eventType, "period");
    }

    /** The threshold as written, e.g. {@code 20 ms}. */
    Optional<String> threshold(String eventType) {
        return value(eventType, "threshold");
    }

    private Optional<String> value(String eventType, String name) {
        return Optional.ofNullable(byEvent.getOrDefault(eventType, Map.of()).get(name));
    }

    private static String merge(String name, String old, String now) {
        switch (name) {
            case "enabled":
            case "stackTrace":
                return Boolean.toString(Boolean.parseBoolean(old) || Boolean.parseBoolean(now));
            case "period":
            case "threshold":
                Optional<Duration> a = duration(old);
                Optional<Duration> b = duration(now);
                if (a.isPresent() && b.isPresent()) {
                    return a.get().compareTo(b.get()) <= 0 ? old : now;
                }
                return a.isPresent() ? old : now;
            default:
                return now;
        }
    }

    /** A JFR time span such as {@code 20 ms}, {@code 10 s}, {@code 999 d}; empty for chunk periods. */
    static Optional<Duration> duration(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            return Optional.empty();
        }
        long amount;
        try {
            amount = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        switch (parts[1].toLowerCase(Locale.ROOT)) {
            case "ns": return Optional.of(Duration.ofNanos(amount));
            case "us": return Optional.of(Duration.ofNanos(amount * 1000));
            case "ms": return Optional.of(Duration.ofMillis(amount));
            case "s": return Optional.of(Duration.ofSeconds(amount));
            case "m": case "min": return Optional.of(Duration.ofMinutes(amount));
            case "h": return Optional.of(Duration.ofHours(amount));
            case "d": return Optional.of(Duration.ofDays(amount));
            default: return Optional.empty();
        }
    }
}
