package io.threadwatch.junit5.internal;

import io.threadwatch.analyzer.event.Frame;
import java.util.List;

/**
 * What the guard found after one test, grouped as a Threadwatch finding is: one kind at one site.
 *
 * @param kind     {@code thread-leak}, {@code blocked-forever} or {@code vthread-pinning}, the kinds of
 *                 Threadwatch's rules
 * @param site     the first application frame (of the stack that started the threads, or for a thread
 *                 that waits forever, of where it waits), or {@code (no application frame)}
 * @param summary  one line on what happened
 * @param threads  the threads, each with where it is now
 * @param creation the stack that started the first of them, empty for pinned waits
 * @param pattern  the known shape these stacks show, from Threadwatch's pattern catalog, or
 *                 {@code unclassified}; {@code null} before {@link GuardPatterns} looked
 * @param fix      that pattern's one-line fix, {@code null} when unclassified
 */
public record GuardFinding(String kind, String site, String summary, List<ThreadState> threads,
                           List<Frame> creation, String pattern, String fix) {

    /** Printed when a stack has no application frame. */
    static final String NO_SITE = "(no application frame)";

    public GuardFinding {
        threads = List.copyOf(threads);
        creation = List.copyOf(creation);
    }

    /** A finding not yet classified. */
    public GuardFinding(String kind, String site, String summary, List<ThreadState> threads, List<Frame> creation) {
        this(kind, site, summary, threads, creation, null, null);
    }

    /** This finding with its pattern and fix. */
    GuardFinding classified(String pattern, String fix) {
        return new GuardFinding(kind, site, summary, threads, creation, pattern, fix);
    }

    /**
     * One thread of a finding.
     *
     * @param name  its name (a virtual thread's id when it has none)
     * @param state its {@link Thread.State}, or what held it (pinned 120 ms)
     * @param stack where it is now (or where it was pinned), innermost first
     */
    public record ThreadState(String name, String state, List<Frame> stack) {
        public ThreadState {
            stack = List.copyOf(stack);
        }
    }
}
