package io.threadwatch.analyzer.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A parsed {@code jstack}-format thread dump: the platform threads with a Java thread id, and the
 * JVM's own deadlock report.
 *
 * @param time      when it was taken
 * @param threads   the Java threads, in dump order
 * @param deadlocks the cycles the JVM reported ("Found one Java-level deadlock")
 */
record ThreadDump(Instant time, List<DumpedThread> threads, List<DeadlockCycle> deadlocks) {

    ThreadDump {
        Objects.requireNonNull(time, "time");
        threads = List.copyOf(threads);
        deadlocks = List.copyOf(deadlocks);
    }

    /** One cycle: each member waits for what the next holds. */
    record DeadlockCycle(List<Member> members) {
        DeadlockCycle {
            members = List.copyOf(members);
        }

        /**
         * @param threadName the thread, as the dump names it
         * @param waitingFor what it waits for, as the JVM words it
         * @param heldBy     the name of the thread that holds it
         */
        record Member(String threadName, String waitingFor, String heldBy) {
        }
    }
}
