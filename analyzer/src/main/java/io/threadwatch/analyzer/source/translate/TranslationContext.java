package io.threadwatch.analyzer.source.translate;

import java.util.HashMap;
import java.util.Map;

/**
 * What translators share within one replay (or one chunk): the event type ids of the recording's
 * metadata, and one copy of each socket peer's text. Used by one thread.
 */
public final class TranslationContext {

    /** Bounds the peers kept; past it, a peer's text is built for each event. */
    private static final int PEER_LIMIT = 4_096;

    private final Map<Long, String> eventTypeNames = new HashMap<>();
    /** Each peer's {@code host:port} text, by host and then port. */
    private final Map<String, Map<Integer, String>> peers = new HashMap<>();
    private int peerCount;

    /**
     * The text {@code host:port}, one copy per peer: a socket's peer is the same on thousands of
     * reads, and building it for each was a sixth of what the whole analysis allocated on an
     * event-dense recording (and the copies waited in memory for their chunk to be sorted).
     */
    String peer(String host, int port) {
        Map<Integer, String> byPort = peers.get(host);
        String known = byPort == null ? null : byPort.get(port);
        if (known != null) {
            return known;
        }
        String peer = host + ":" + port;
        if (peerCount < PEER_LIMIT) {
            peers.computeIfAbsent(host, h -> new HashMap<>()).put(port, peer);
            peerCount++;
        }
        return peer;
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
