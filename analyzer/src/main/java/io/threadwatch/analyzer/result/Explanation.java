package io.threadwatch.analyzer.result;

import java.util.List;
import java.util.Objects;

/**
 * Why threads the analysis saw were not reported: one decision, the reason it rests on, and where.
 * A user who expected a finding reads these to check the analysis (and extends the catalog, or
 * a rule, where it is wrong).
 *
 * @param decision     what was decided: {@code idle} (waiting for work, so neither stuck nor
 *                     blocking), {@code no-site} (no application frame on the stack: nothing of
 *                     the application's to report) or {@code one-pool} (threads of one pool: growth
 *                     judged over the long horizon only)
 * @param reason       why, in words; quotes the catalog entry when the decision rests on it
 * @param frame        where: the site, or the frame the decision rests on when there is no site
 * @param threads      how many distinct threads it applied to (thread dumps), 0 when only blocking
 *                     events were judged (they do not name their thread)
 * @param observations how many observations it covers: waits ended (blocking events) and threads
 *                     seen in thread dumps
 * @param names        some of the threads' names, sorted (at most 10)
 */
public record Explanation(String decision, String reason, String frame, long threads, long observations,
                          List<String> names) {

    /** Most thread names listed. */
    public static final int MAX_NAMES = 10;

    public Explanation {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(frame, "frame");
        names = List.copyOf(names.subList(0, Math.min(names.size(), MAX_NAMES)));
    }
}
