package io.threadwatch.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a rule asks to be attached to its finding, so that a person can see where to fix it. */
public enum EvidenceRole {
    /** The stack that started the threads at the finding's site, with how many and which threads. */
    CREATION_SITE("creation-site"),
    /** The threads from the site that are still alive at the end, oldest first. */
    LIVE_THREADS("live-threads"),
    /** Thread-dump stacks of the threads that are blocked, grouped by stack. */
    BLOCKED_STACKS("blocked-stacks"),
    /** The most frequent stacks of the blocking events at the site, with their counts. */
    BLOCKING_EVENTS("blocking-events"),
    /** Each thread of a deadlock with what it holds, what it waits for and its stack. */
    DEADLOCK_CYCLE("deadlock-cycle"),
    /** Where live virtual threads were last seen: the last stack JFR recorded for them. */
    LAST_SEEN("last-seen"),
    /** The stacks of pinned virtual threads, with why they pinned and what they blocked in. */
    PINNED_EVENTS("pinned-events"),
    /** The stacks and messages of virtual threads the scheduler refused. */
    SUBMIT_FAILURES("submit-failures"),
    /** Sampled objects still alive, grouped by allocation site, with their types and path to a GC root. */
    LEAK_CANDIDATES("leak-candidates"),
    /** The collectors, their pauses and the causes of collections, full ones apart; heap after GC against its maximum. */
    GC_PAUSES("gc-pauses"),
    /** The heap's live set over the trend's span: how it was measured, how much it grew and how soon it fills the heap. */
    LIVE_SET("live-set");

    private final String id;

    EvidenceRole(String id) {
        this.id = id;
    }

    /** The kebab-case id used in rule files and reports. */
    @JsonValue
    public String id() {
        return id;
    }

    /** Parses a role id, naming the accepted ones when it is unknown. */
    @JsonCreator
    public static EvidenceRole fromId(String id) {
        for (EvidenceRole r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown evidence '" + id + "'; expected one of "
                + Arrays.stream(values()).map(EvidenceRole::id).collect(Collectors.joining(", ")));
    }
}
