package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.SettingObserved;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;
import java.util.Set;

/**
 * {@code jdk.ActiveSetting}: the settings the recording ran with, kept for the event types the
 * analysis reads, so that the report can say what a recording could not show.
 */
final class ActiveSettingTranslator implements EventTranslator {

    private static final String ID = "id";
    private static final String NAME = "name";
    private static final String VALUE = "value";

    private final Set<String> analyzedEventTypes;

    ActiveSettingTranslator(Set<String> analyzedEventTypes) {
        this.analyzedEventTypes = Set.copyOf(analyzedEventTypes);
    }

    @Override
    public JfrEventSettings settings() {
        return JfrEventSettings.enabled(JfrEventNames.ACTIVE_SETTING);
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        String eventType = context.eventTypeName(event.getLong(ID));
        String name = event.getString(NAME);
        String value = event.getString(VALUE);
        if (analyzedEventTypes.contains(eventType) && name != null && value != null) {
            sink.accept(new SettingObserved(event.startTime(), eventType, name, value));
        }
    }
}
