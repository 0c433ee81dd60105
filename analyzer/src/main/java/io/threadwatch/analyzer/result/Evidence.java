package io.threadwatch.analyzer.result;

import java.util.List;

/**
 * One piece of evidence attached to a finding.
 *
 * @param role    what it is: {@code creation-site}, {@code live-threads}, {@code blocked-stacks},
 *                {@code blocking-events} or {@code deadlock-cycle}
 * @param count   how many threads or events it stands for
 * @param threads thread names (at most 10, sorted or oldest first)
 * @param frames  the stack, top first, as {@code jstack} prints it (at most 32 lines)
 * @param detail  one line of numbers or context, possibly empty
 */
public record Evidence(String role, long count, List<String> threads, List<String> frames, String detail) {

    /** Most thread names listed. */
    public static final int MAX_THREADS = 10;
    /** Most stack lines listed. */
    public static final int MAX_FRAMES = 32;

    public Evidence {
        threads = List.copyOf(threads.subList(0, Math.min(threads.size(), MAX_THREADS)));
        frames = List.copyOf(frames.subList(0, Math.min(frames.size(), MAX_FRAMES)));
    }
}
