package io.threadwatch.junit5.internal;

import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.Pinned;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.event.ThreadEnded;
import io.threadwatch.analyzer.event.ThreadStarted;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;
import io.threadwatch.analyzer.source.JfrSettings;
import io.threadwatch.analyzer.source.jdk.JfrStreamSource;
import io.threadwatch.recorder.stream.JfrStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import jdk.jfr.FlightRecorder;

/**
 * The one JFR stream the guard reads for the whole test run: thread starts (with the stack that
 * started each thread and its parent), thread ends and pinned virtual threads, translated by the
 * analyzer's own translators. Only those three event types are enabled, so the stream costs little.
 *
 * <p>What it keeps is bounded by the threads alive: a start is dropped once its thread has ended
 * and a test began after that ({@link #forgetEnded}); pinned events older than the running test
 * are dropped at its start, and at most {@link #PINNED_KEPT} are kept.
 */
public final class GuardStream implements AutoCloseable {

    /** The events the guard needs. */
    private static final Set<String> EVENTS = Set.of(JfrEventNames.THREAD_START, JfrEventNames.THREAD_END,
            JfrEventNames.VIRTUAL_THREAD_PINNED);
    /** Pinned waits are kept from the first nanosecond: the test's own bound decides. */
    private static final String PINNED_THRESHOLD = "0 ms";
    /** Recording kept on disk for a dump the guard never makes: as little as JFR allows. */
    private static final Duration MAX_AGE = Duration.ofSeconds(10);
    private static final long MAX_BYTES = 8L << 20;
    static final int PINNED_KEPT = 10_000;
    /** Between watermarks when one is lost (committed before the recording had started). */
    private static final long RETRY_MILLIS = 200;

    /** A thread start, and when it ended if it has. */
    public record Start(ThreadStarted started, Instant ended) {
    }

    private final JfrStream stream;
    private final Map<Long, Start> starts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Pinned> pinned = new ConcurrentLinkedQueue<>();
    private final AtomicLong committed = new AtomicLong();
    private final Object caughtUp = new Object();
    private final LongAdder failures = new LongAdder();
    private final AtomicBoolean closed = new AtomicBoolean();
    private long delivered;

    private GuardStream(JfrStream stream) {
        this.stream = stream;
    }

    /**
     * Starts the stream and waits until it delivers, so that every thread started from now on is seen.
     *
     * @throws IllegalStateException when JFR did not deliver within {@code timeout}
     */
    public static GuardStream start(Duration timeout) throws InterruptedException {
        FlightRecorder.register(Watermark.class);
        List<JfrEventSettings> settings = new ArrayList<>();
        for (JfrEventSettings event : JfrSettings.required()) {
            if (EVENTS.contains(event.eventName())) {
                settings.add(event.eventName().equals(JfrEventNames.VIRTUAL_THREAD_PINNED)
                        ? event.with("threshold", PINNED_THRESHOLD) : event);
            }
        }
        settings.add(JfrEventSettings.enabled(Watermark.NAME));
        GuardStream guard = new GuardStream(JfrStream.local(settings, MAX_AGE, MAX_BYTES));
        StackTable stacks = new StackTable();
        JfrStreamSource.attach(guard.stream.events(), stacks, guard::accept, (type, e) -> guard.failures.increment());
        guard.stream.events().onEvent(Watermark.NAME, e -> guard.delivered(e.getLong(Watermark.SEQUENCE)));
        guard.stream.start();
        if (!guard.catchUp(timeout)) {
            guard.close();
            throw new IllegalStateException("JFR delivered nothing within " + timeout.toSeconds() + " s");
        }
        return guard;
    }

    /** On the stream's thread. */
    private void accept(Event event) {
        if (event instanceof ThreadStarted started) {
            starts.put(started.threadId(), new Start(started, null));
        } else if (event instanceof ThreadEnded ended) {
            starts.computeIfPresent(ended.threadId(), (id, start) -> new Start(start.started(), ended.time()));
        } else if (event instanceof Pinned wait && pinned.size() < PINNED_KEPT) {
            pinned.add(wait);
        }
    }

    private void delivered(long sequence) {
        synchronized (caughtUp) {
            delivered = Math.max(delivered, sequence);
            caughtUp.notifyAll();
        }
    }

    /**
     * Commits a watermark and waits until the stream has read it: every event committed before this
     * call has then been handled. A watermark committed before the recording started is lost, so a
     * new one goes out every {@value #RETRY_MILLIS} ms.
     *
     * @return false if {@code timeout} passed first
     */
    public boolean catchUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long sequence = committed.incrementAndGet();
            new Watermark(sequence).commit();
            long retryAt = System.nanoTime() + RETRY_MILLIS * 1_000_000L;
            synchronized (caughtUp) {
                while (delivered < sequence) {
                    long now = System.nanoTime();
                    if (now >= deadline) {
                        return false;
                    }
                    if (now >= retryAt) {
                        break;
                    }
                    long waitNanos = Math.min(deadline, retryAt) - now;
                    caughtUp.wait(Math.max(1, waitNanos / 1_000_000L));
                }
                if (delivered >= sequence) {
                    return true;
                }
            }
        }
    }

    /** How the thread with this id was started, if the stream saw it start. */
    public Optional<Start> start(long threadId) {
        return Optional.ofNullable(starts.get(threadId));
    }

    /** Drops the starts of threads that have ended: a test beginning now cannot have started them. */
    public void forgetEnded() {
        starts.values().removeIf(start -> start.ended() != null);
    }

    /** Drops pinned waits that ended before {@code since}. */
    public void forgetPinnedBefore(Instant since) {
        pinned.removeIf(wait -> wait.time().isBefore(since));
    }

    /** The pinned waits that ended at or after {@code since}. */
    public List<Pinned> pinnedSince(Instant since) {
        return pinned.stream().filter(wait -> !wait.time().isBefore(since)).toList();
    }

    /** Events the translators could not read (counted, not thrown: the stream must go on). */
    public long failures() {
        return failures.sum();
    }

    /** Stops the stream; again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stream.close();
        }
    }
}
