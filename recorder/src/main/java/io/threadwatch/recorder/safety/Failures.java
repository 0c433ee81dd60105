package io.threadwatch.recorder.safety;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every failure inside Threadwatch ends here: counted per place, logged once per place (through
 * {@code System.Logger}, so it goes wherever the host routes JDK logging), never rethrown into the
 * host. A broken recorder must cost the host a log line, not a request.
 */
public final class Failures {

    private static final System.Logger LOG = System.getLogger("io.threadwatch.recorder");

    private final Map<String, LongAdder> byPlace = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    /** Counts a failure at {@code place} (e.g. "engine", "jsonl"); logs the first one there. */
    public void record(String place, Throwable failure) {
        total.increment();
        boolean first = byPlace.computeIfAbsent(place, p -> new LongAdder()).sum() == 0;
        byPlace.get(place).increment();
        if (first) {
            LOG.log(Level.WARNING, "threadwatch: " + place + " failed; further failures there are only counted",
                    failure);
        }
    }

    /** Failures so far. */
    public long total() {
        return total.sum();
    }

    /** Failures so far at one place. */
    public long at(String place) {
        LongAdder count = byPlace.get(place);
        return count == null ? 0 : count.sum();
    }

    /** Runs {@code task}, recording anything it throws at {@code place}. */
    public void guard(String place, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
                throw fatal;
            }
            record(place, e);
        }
    }
}
