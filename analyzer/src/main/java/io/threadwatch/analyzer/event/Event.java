package io.threadwatch.analyzer.event;

import java.time.Instant;

/** One fact from a recording, in event time. */
public sealed interface Event
        permits ThreadStarted, ThreadEnded, ThreadCount, Blocked, ThreadDumped, ThreadSampled, CpuCount, JvmInfo,
        SettingObserved, VirtualThreadStarted, VirtualThreadEnded, Pinned, SubmitFailed, GarbageCollected,
        HeapAfterGc, GcConfigured, OldObjectSampled, G1CollectionTyped, HeapConfigured {

    /** When the event was committed: the end of a duration event. */
    Instant time();
}
