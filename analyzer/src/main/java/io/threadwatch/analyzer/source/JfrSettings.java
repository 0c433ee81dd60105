package io.threadwatch.analyzer.source;

import java.util.List;

/** The JFR settings the analysis needs, declared by its translators. */
public final class JfrSettings {

    private JfrSettings() {
    }

    /** One entry per event type the analysis reads, with the settings it needs. */
    public static List<JfrEventSettings> required() {
        return Translators.all().stream().map(EventTranslator::settings).toList();
    }
}
