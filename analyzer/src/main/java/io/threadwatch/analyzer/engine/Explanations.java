package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.result.Explanation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects the decisions that kept threads out of the findings, grouped by decision, reason and
 * frame, for the report's {@code explanations}. Memory grows with distinct (reason, frame) pairs,
 * bounded; per entry a bounded set of names and thread ids.
 */
final class Explanations {

    /** Distinct entries kept; past this, new ones are counted into no entry (the report would be unreadable). */
    private static final int MAX_ENTRIES = 2_000;
    private static final int MAX_IDS = 10_000;

    /** One decision at one frame. */
    static final class Entry {
        final String decision;
        final String reason;
        final String frame;
        long observations;
        final Set<Long> threadIds = new HashSet<>();
        final TreeSet<String> names = new TreeSet<>();

        Entry(String decision, String reason, String frame) {
            this.decision = decision;
            this.reason = reason;
            this.frame = frame;
        }

        /** A blocking event: counted, its thread unnamed. */
        void observed() {
            observations++;
        }

        /** A thread seen in a dump. */
        void observed(long threadId, String name) {
            observations++;
            if (threadIds.size() < MAX_IDS) {
                threadIds.add(threadId);
            }
            if (!name.isEmpty() && (names.size() < Explanation.MAX_NAMES || name.compareTo(names.last()) < 0)) {
                names.add(name);
                if (names.size() > Explanation.MAX_NAMES) {
                    names.pollLast();
                }
            }
        }
    }

    private record Key(String decision, String reason, String frame) {
    }

    private final Map<Key, Entry> entries = new HashMap<>();
    /**
     * The entry of each (stack, reason) of blocking events, so that an idle wait on the per-event
     * path costs one identity lookup, not a key and its strings. Bounded like the stack table.
     */
    private final Map<Stack, Entry[]> byStack = new IdentityHashMap<>();

    /** The entry for a decision at a frame; {@code null} when the bound is reached. */
    Entry entry(String decision, String reason, String frame) {
        Key key = new Key(decision, reason, frame);
        Entry entry = entries.get(key);
        if (entry == null && entries.size() < MAX_ENTRIES) {
            entry = new Entry(decision, reason, frame);
            entries.put(key, entry);
        }
        return entry;
    }

    /** The entry for an idle wait that a blocking event with this interned stack ended. */
    Entry idle(WaitJudge.Verdict verdict, StackShape shape, Stack stack) {
        Entry[] byReason = byStack.get(stack);
        if (byReason == null) {
            if (byStack.size() >= StackTable.LIMIT) {
                byStack.clear();
            }
            byReason = new Entry[WaitJudge.Reason.values().length];
            byStack.put(stack, byReason);
        }
        int reason = verdict.reason().ordinal();
        if (byReason[reason] == null) {
            byReason[reason] = idle(verdict, shape, stack.frames());
        }
        return byReason[reason];
    }

    /** The entry for a wait not counted, with this shape and verdict. */
    Entry idle(WaitJudge.Verdict verdict, StackShape shape, List<Frame> frames) {
        return entry(verdict.decision(), verdict.text(), where(shape, frames));
    }

    /**
     * The frame a decision about a wait rests on: its site, or else the catalog's idle wait it is
     * in (a JDK pool's {@code getTask}, not the {@code Unsafe.park} every such wait shares), or
     * its first frame outside the JDK, or its top.
     */
    static String where(StackShape shape, List<Frame> frames) {
        if (shape.hasSite()) {
            return shape.site().label();
        }
        if (shape.catalogIdle() != null) {
            for (Frame frame : frames) {
                if (frame.method().equals(shape.catalogIdle().match())) {
                    return frame.toString();
                }
            }
        }
        for (Frame frame : frames) {
            if (!FrameClassifier.isJdk(frame)) {
                return frame.toString();
            }
        }
        return frames.isEmpty() ? "(no stack recorded)" : frames.get(0).toString();
    }

    /** The decisions, most observed first, then by frame. */
    List<Explanation> report() {
        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparing((Entry e) -> e.decision)
                .thenComparing(Comparator.comparingLong((Entry e) -> e.observations).reversed())
                .thenComparing(e -> e.frame).thenComparing(e -> e.reason));
        List<Explanation> explanations = new ArrayList<>(sorted.size());
        for (Entry entry : sorted) {
            explanations.add(new Explanation(entry.decision, entry.reason, entry.frame, entry.threadIds.size(),
                    entry.observations, new ArrayList<>(entry.names)));
        }
        return explanations;
    }
}
