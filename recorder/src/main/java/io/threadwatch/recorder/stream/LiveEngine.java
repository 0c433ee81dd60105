package io.threadwatch.recorder.stream;

import io.threadwatch.analyzer.engine.AnalysisEngine;
import io.threadwatch.analyzer.engine.EngineSettings;
import io.threadwatch.analyzer.engine.WindowListener;
import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.EpochNanos;
import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.event.ThreadStarted;
import io.threadwatch.analyzer.source.jdk.JfrStreamSource;
import io.threadwatch.recorder.safety.Failures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The analyzer's engine fed by a live stream: events in commit order, and on every flush (about
 * once a second) the windows that have ended close, even when no event came. Everything runs on
 * the stream's one dispatch thread, so the engine needs no lock, and nothing here is shared with
 * the host's threads.
 */
public final class LiveEngine {

    private final AnalysisEngine engine;
    private final Clock clock;
    private final Failures failures;
    private final LongAdder events = new LongAdder();
    private final LongAdder threadStarts = new LongAdder();
    private final CountDownLatch streaming = new CountDownLatch(1);
    /**
     * The latest event time seen, in {@link EpochNanos} (waits come by their fields, without an
     * {@code Instant}); {@link Long#MIN_VALUE} before the first.
     */
    private long latestNanos = Long.MIN_VALUE;

    /**
     * @param settings the engine's settings; {@code keepSlis} should be false, the listener gets them
     * @param listener told about each window as it closes
     * @param clock    the clock flushes close windows by
     */
    public LiveEngine(EngineSettings settings, WindowListener listener, Clock clock, Failures failures) {
        this.engine = new AnalysisEngine(settings, listener);
        this.clock = clock;
        this.failures = failures;
    }

    /** Registers on the stream; call before it starts. */
    public void attach(JfrStream stream) {
        JfrStreamSource.attach(stream.events(), new StackTable(), new Sink(),
                (type, e) -> failures.record("translating " + type, e));
        stream.events().onFlush(() -> failures.guard("engine", this::flushed));
        stream.events().onError(e -> failures.record("stream", e));
    }

    /** JFR events read so far. */
    public long events() {
        return events.sum();
    }

    /** Platform thread starts read so far. */
    public long threadStarts() {
        return threadStarts.sum();
    }

    private void accept(Event event) {
        events.increment();
        if (event instanceof ThreadStarted) {
            threadStarts.increment();
        }
        latestNanos = Math.max(latestNanos, EpochNanos.of(event.time()));
        failures.guard("engine", () -> engine.accept(event));
    }

    /**
     * What the stream's translators hand on. Waits, most of a service's events, go to the engine by
     * their fields, as offline: no {@code Blocked} record and no {@code Instant} per wait in the
     * host's heap. A wait the record would refuse is refused here too, as a translation failure.
     */
    private final class Sink implements EventSink {

        @Override
        public void accept(Event event) {
            LiveEngine.this.accept(event);
        }

        @Override
        public void blocked(long timeEpochNanos, BlockingKind kind, long threadId, long durationNanos, Stack stack,
                            boolean timed, boolean timedOut, String blocker) {
            Blocked.requireValid(kind, durationNanos, stack, blocker);
            events.increment();
            latestNanos = Math.max(latestNanos, timeEpochNanos);
            failures.guard("engine",
                    () -> engine.blocked(timeEpochNanos, kind, threadId, durationNanos, stack, timed, timedOut, blocker));
        }
    }

    /** Waits until the stream has flushed once, i.e. JFR is recording and delivering; false on timeout. */
    public boolean awaitStreaming(Duration timeout) throws InterruptedException {
        return streaming.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void flushed() {
        streaming.countDown();
        // A remote JVM's clock may run ahead of ours: never close a window its events are still in.
        Instant now = clock.instant();
        Instant latest = latestNanos == Long.MIN_VALUE ? now : EpochNanos.toInstant(latestNanos);
        engine.advanceTo(now.isAfter(latest) ? now : latest);
    }
}
