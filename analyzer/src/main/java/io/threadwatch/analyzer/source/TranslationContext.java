package io.threadwatch.analyzer.source;

import java.util.HashMap;
import java.util.Map;

/** What translators share within one replay: the event type ids of the recording's metadata. */
final class TranslationContext {

    private final Map<Long, String> eventTypeNames = new HashMap<>();

    /** Remembers an event type id from the recording's metadata. */
    void registerEventType(long id, String name) {
        eventTypeNames.put(id, name);
    }

    /** The name of an event type id, or the empty string when the metadata did not list it. */
    String eventTypeName(long id) {
        return eventTypeNames.getOrDefault(id, "");
    }
}
