package io.threadwatch.analyzer.source.translate;

import java.util.HashMap;
import java.util.Map;

/**
 * What translators share within one replay: the event type ids of the recording's metadata, and
 * one copy of each repeated string.
 */
public final class TranslationContext {

    /** Bounds the shared strings; past it, strings are kept as they come. */
    private static final int SHARED_LIMIT = 4_096;

    private final Map<Long, String> eventTypeNames = new HashMap<>();
    private final Map<String, String> shared = new HashMap<>();

    /**
     * One copy of an equal string: events wait in memory for their chunk to be sorted, and a
     * socket's peer is the same text on thousands of them.
     */
    String shared(String value) {
        String existing = shared.get(value);
        if (existing != null) {
            return existing;
        }
        if (shared.size() < SHARED_LIMIT) {
            shared.put(value, value);
        }
        return value;
    }

    /** Remembers an event type id from the recording's metadata. */
    public void registerEventType(long id, String name) {
        eventTypeNames.put(id, name);
    }

    /** The name of an event type id, or the empty string when the metadata did not list it. */
    String eventTypeName(long id) {
        return eventTypeNames.getOrDefault(id, "");
    }
}
