package io.threadwatch.analyzer.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A sampled object that stayed alive ({@code jdk.OldObjectSample}): a leak candidate. JFR emits
 * these only when the recording is dumped or stopped.
 *
 * @param time          when it was emitted
 * @param objectType    the object's class
 * @param sizeBytes     its size (JDK 21+), or {@code -1}
 * @param age           how long it has been alive
 * @param allocationStack where it was allocated, or {@link Stack#EMPTY} (stack traces are off in the JDK's default settings)
 * @param pathToRoot    the chain of referrers from the object towards a GC root, one line each,
 *                      empty unless the recording asked for paths ({@code path-to-gc-roots=true})
 * @param root          the GC root it hangs from, or empty
 */
public record OldObjectSampled(Instant time, String objectType, long sizeBytes, Duration age, Stack allocationStack,
                               List<String> pathToRoot, String root) implements Event {

    public OldObjectSampled {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(allocationStack, "allocationStack");
        pathToRoot = List.copyOf(pathToRoot);
        Objects.requireNonNull(root, "root");
    }
}
