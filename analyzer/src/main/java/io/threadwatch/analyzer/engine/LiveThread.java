package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.StackTable;
import java.util.List;
import java.util.Objects;

/**
 * One thread alive at a moment: at the end of a recording (from the engine's ledger), or in a
 * thread dump. What {@code threadwatch diff} compares.
 *
 * @param name             the thread name (empty for unnamed virtual threads)
 * @param virtual          whether it is a virtual thread
 * @param site             its creation site label, or {@code null} when not known (a dump, or a
 *                         thread the recording did not see start)
 * @param siteFingerprint  the site's fingerprint, or {@code null} with {@code site}
 * @param stackFingerprint the fingerprint of its stack in the dump (for a recording, the last
 *                         {@code jdk.ThreadDump} that listed it), or {@code null} when none did
 * @param frames           that stack's frames as {@code jstack} prints them, top first (at most
 *                         {@value #FRAMES_KEPT})
 */
public record LiveThread(String name, boolean virtual, String site, String siteFingerprint, String stackFingerprint,
                         List<String> frames) {

    /** Most frames kept per thread: enough to recognize a stack, few enough for a report. */
    public static final int FRAMES_KEPT = 12;

    public LiveThread {
        Objects.requireNonNull(name, "name");
        frames = List.copyOf(frames.size() > FRAMES_KEPT ? frames.subList(0, FRAMES_KEPT) : frames);
    }

    /** A platform thread named {@code name}, created at {@code site} (or not known), with its stack in {@code dumped} (or none). */
    static LiveThread of(String name, Site site, DumpedThread dumped) {
        boolean stack = dumped != null && !dumped.frames().isEmpty();
        return new LiveThread(name, false, site == null ? null : site.label(), site == null ? null : site.fingerprint(),
                stack ? StackTable.fingerprint(dumped.frames()) : null,
                stack ? dumped.frames().stream().map(Object::toString).toList() : List.of());
    }
}
