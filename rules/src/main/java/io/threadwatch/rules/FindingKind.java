package io.threadwatch.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of problem a finding can report; part of the report contract (report v1). */
public enum FindingKind {
    /** Live threads created at one site keep growing. */
    THREAD_LEAK("thread-leak"),
    /** Threads are created at a high, sustained rate, or too many run per core. */
    CREATION_STORM("creation-storm"),
    /** Threads blocked at the same place, without a timeout, for longer than the stuck threshold. */
    BLOCKED_FOREVER("blocked-forever"),
    /** Waits that end, but take too long. */
    LONG_BLOCKING("long-blocking"),
    /** Threads queue to enter one monitor. */
    CONTENTION("contention"),
    /** A cycle of threads, each holding what the next one waits for. */
    DEADLOCK("deadlock"),
    /** Virtual threads started and never ended. */
    VTHREAD_LEAK("vthread-leak"),
    /** Virtual threads pinned to their carrier while blocking. */
    VTHREAD_PINNING("vthread-pinning"),
    /** The scheduler refused to start or continue virtual threads: their tasks are lost. */
    VTHREAD_SUBMIT_FAILED("vthread-submit-failed"),
    /** Heap used after GC keeps growing. */
    HEAP_GROWTH("heap-growth"),
    /** GC takes too much of the time or pauses too long. */
    GC_PRESSURE("gc-pressure");

    private final String id;

    FindingKind(String id) {
        this.id = id;
    }

    /** The kebab-case id used in rule files and reports. */
    @JsonValue
    public String id() {
        return id;
    }

    /** Parses a kind id, naming the accepted ones when it is unknown. */
    @JsonCreator
    public static FindingKind fromId(String id) {
        for (FindingKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + id + "'; expected one of "
                + Arrays.stream(values()).map(FindingKind::id).collect(Collectors.joining(", ")));
    }
}
