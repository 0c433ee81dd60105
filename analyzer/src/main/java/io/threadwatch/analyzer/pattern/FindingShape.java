package io.threadwatch.analyzer.pattern;

import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.rules.FindingKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a finding's evidence shows, in the terms patterns match on: the creation stacks, the stacks
 * where the threads wait (from the top down to the site), the allocation stacks, the locks, the
 * states, the detail lines and whether the waits had a timeout. Frames are {@code class.method}.
 *
 * @param kind        the finding's kind
 * @param created     the creation stacks, whole
 * @param createdAbove the creation stacks' frames above the site (empty list per stack when the site is on top;
 *                    a stack without the site is left out)
 * @param waits       frames of the wait stacks, from the top down to the site frame included, each
 *                    blocking-events stack led by its JFR event type ({@code jdk.SocketRead})
 * @param allocated   frames of the allocation stacks
 * @param locks       classes of the locks and monitors waited on
 * @param details     the evidence detail lines
 * @param states      the stuck threads' states
 * @param timed       whether a wait shows a timeout (a timed park or sleep, {@code TIMED_WAITING}, or
 *                    blocking events none of which waited without one)
 */
record FindingShape(String kind, List<String> created, List<List<String>> createdAbove, List<String> waits,
                    List<String> allocated, List<String> locks, List<String> details, List<String> states,
                    boolean timed) {

    /** The evidence roles whose stacks show where the threads wait, block, are pinned or were last seen. */
    private static final Set<String> WAIT_ROLES = Set.of("blocked-stacks", "live-threads", "blocking-events",
            "deadlock-cycle", "pinned-events", "last-seen");
    private static final Pattern FRAME = Pattern.compile("^at ([^(\\s]+)\\(");
    private static final Pattern LOCK_LINE = Pattern.compile("^- .*\\(a ([\\w.$]+)\\)");
    private static final Pattern LOCK_DETAIL = Pattern.compile("(?:^(?:WAITING|TIMED_WAITING|BLOCKED)[^;]*? on |mostly on )([\\w.$]+)");
    private static final Pattern STATE = Pattern.compile("^(WAITING|TIMED_WAITING|BLOCKED|RUNNABLE)\\b");
    /** The blocking events' own line: their kind's label, e.g. {@code socket-read over the whole recording: ...}. */
    private static final Pattern BLOCKING_KIND = Pattern.compile("^([a-z-]+) over the whole recording: ");
    /**
     * The JFR event of each blocking kind, which counts as a frame on top of its events' stacks:
     * from JDK 22 a {@code jdk.SocketRead} event's stack starts above the socket's own frames
     * (at the reader that called it), so the event's type is what says it was a socket read.
     * Keyed by {@code BlockingKind}'s labels, as the evidence line prints them.
     */
    private static final Map<String, String> EVENT_OF_KIND = Map.of("park", JfrEventNames.THREAD_PARK,
            "monitor-enter", JfrEventNames.JAVA_MONITOR_ENTER, "monitor-wait", JfrEventNames.JAVA_MONITOR_WAIT,
            "sleep", JfrEventNames.THREAD_SLEEP, "socket-read", JfrEventNames.SOCKET_READ);
    /** Frames that only a wait with a timeout goes through. */
    private static final List<String> TIMED_FRAMES = List.of("java.util.concurrent.locks.LockSupport.parkNanos",
            "java.util.concurrent.locks.LockSupport.parkUntil", "java.lang.Thread.sleep", "java.lang.VirtualThread.parkNanos");

    static FindingShape of(FindingKind kind, String siteFrame, List<Evidence> items) {
        String site = siteFrame == null ? null : method(siteFrame);
        List<String> created = new ArrayList<>();
        List<List<String>> createdAbove = new ArrayList<>();
        List<String> waits = new ArrayList<>();
        List<String> allocated = new ArrayList<>();
        List<String> locks = new ArrayList<>();
        List<String> details = new ArrayList<>();
        List<String> states = new ArrayList<>();
        boolean timed = false;
        for (Evidence evidence : items) {
            details.add(evidence.detail());
            List<String> frames = frames(evidence.frames());
            Matcher state = STATE.matcher(evidence.detail());
            if (state.find()) {
                states.add(state.group(1));
                timed |= state.group(1).equals("TIMED_WAITING");
            }
            Matcher lockDetail = LOCK_DETAIL.matcher(evidence.detail());
            if (lockDetail.find()) {
                locks.add(lockDetail.group(1));
            }
            switch (evidence.role()) {
                case "creation-site" -> {
                    created.addAll(frames);
                    int at = site == null ? -1 : frames.indexOf(site);
                    if (at >= 0) {
                        createdAbove.add(frames.subList(0, at));
                    }
                }
                case "leak-candidates" -> allocated.addAll(frames);
                default -> {
                    if (WAIT_ROLES.contains(evidence.role())) {
                        int at = site == null ? -1 : frames.indexOf(site);
                        List<String> above = at >= 0 ? frames.subList(0, at + 1) : frames;
                        if (evidence.role().equals("blocking-events")) {
                            Matcher blocking = BLOCKING_KIND.matcher(evidence.detail());
                            if (blocking.find() && EVENT_OF_KIND.containsKey(blocking.group(1))) {
                                waits.add(EVENT_OF_KIND.get(blocking.group(1)));
                                // Every one of these waits had a timeout unless the line counts some without.
                                timed |= !evidence.detail().contains(" without timeout");
                            }
                        }
                        waits.addAll(above);
                        timed |= above.stream().anyMatch(frame -> TIMED_FRAMES.stream().anyMatch(frame::startsWith));
                        for (String line : evidence.frames()) {
                            Matcher lock = LOCK_LINE.matcher(line.strip());
                            if (lock.find()) {
                                locks.add(lock.group(1));
                            }
                        }
                    }
                }
            }
        }
        return new FindingShape(kind.id(), created, createdAbove, waits, allocated, locks, details, states, timed);
    }

    private static List<String> frames(List<String> lines) {
        List<String> frames = new ArrayList<>();
        for (String line : lines) {
            Matcher frame = FRAME.matcher(line.strip());
            if (frame.find()) {
                frames.add(frame.group(1));
            }
        }
        return frames;
    }

    /** {@code class.method} of a frame as the report prints a site: {@code com.acme.A.b(A.java:3)}. */
    static String method(String frame) {
        int paren = frame.indexOf('(');
        return paren < 0 ? frame : frame.substring(0, paren);
    }
}
