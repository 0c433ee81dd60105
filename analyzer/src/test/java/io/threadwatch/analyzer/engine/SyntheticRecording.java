package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.AnalysisOptions;
import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.event.ThreadDumped;
import io.threadwatch.analyzer.event.ThreadEnded;
import io.threadwatch.analyzer.event.ThreadSampled;
import io.threadwatch.analyzer.event.ThreadStarted;
import io.threadwatch.analyzer.event.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A recording made of events written by a test: thread starts and ends with real creation stacks,
 * thread dumps in the {@code jstack} text JFR records (built from {@link Waiting} threads), blocking
 * events and execution samples. The engine reads it exactly as it reads a file, in time order, with
 * the built-in rules and catalog.
 */
final class SyntheticRecording {

    /** Where synthetic recordings start. */
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    /**
     * A thread as a dump shows it.
     *
     * @param id         Java thread id
     * @param name       thread name
     * @param state      e.g. {@code WAITING (parking)}, {@code TIMED_WAITING (parking)},
     *                   {@code WAITING (on object monitor)}, {@code BLOCKED (on object monitor)}, {@code RUNNABLE}
     * @param frames     its stack, top first
     * @param waitLine   the lock line under the top frame, e.g. {@code parking to wait for}, or empty
     * @param waitObject the address it waits on, e.g. {@code 0x00000006a0001000}, or empty
     * @param waitClass  the class of that object
     * @param locked     addresses of monitors it holds (printed as {@code - locked} under its last frame)
     */
    record Waiting(long id, String name, String state, List<Frame> frames, String waitLine, String waitObject,
                   String waitClass, List<String> locked) {

        static Waiting parked(long id, String name, boolean timed, List<Frame> frames, String object) {
            return new Waiting(id, name, (timed ? "TIMED_WAITING" : "WAITING") + " (parking)", frames,
                    "parking to wait for ", object, "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject",
                    List.of());
        }

        Waiting holding(String address) {
            List<String> more = new ArrayList<>(locked);
            more.add(address);
            return new Waiting(id, name, state, frames, waitLine, waitObject, waitClass, more);
        }

        String text() {
            StringBuilder text = new StringBuilder();
            text.append('"').append(name).append("\" #").append(id).append(" [").append(1000 + id)
                    .append("] prio=5 os_prio=0 cpu=1.00ms elapsed=1.00s tid=0x00007f0000000000 nid=")
                    .append(1000 + id).append(" waiting on condition  [0x00007f0000000000]\n");
            text.append("   java.lang.Thread.State: ").append(state).append('\n');
            for (int i = 0; i < frames.size(); i++) {
                Frame frame = frames.get(i);
                text.append("\tat ").append(frame.className()).append('.').append(frame.methodName()).append('(')
                        .append(frame.line() < 0 ? "Native Method" : file(frame) + ":" + frame.line()).append(")\n");
                if (i == 0 && !waitLine.isEmpty()) {
                    text.append("\t- ").append(waitLine).append(" <").append(waitObject).append("> (a ")
                            .append(waitClass).append(")\n");
                }
                if (i == frames.size() - 2) {
                    for (String address : locked) {
                        text.append("\t- locked <").append(address).append("> (a java.lang.Object)\n");
                    }
                }
            }
            return text.append('\n').toString();
        }

        private static String file(Frame frame) {
            String simple = frame.className().substring(frame.className().lastIndexOf('.') + 1);
            int nested = simple.indexOf('$');
            return (nested > 0 ? simple.substring(0, nested) : simple) + ".java";
        }
    }

    private final StackTable stacks = new StackTable();
    private final List<Event> events = new ArrayList<>();

    private static Instant at(Duration offset) {
        return T0.plus(offset);
    }

    SyntheticRecording started(Duration offset, long id, String name, List<Frame> creatorStack) {
        events.add(new ThreadStarted(at(offset), id, name, 1, stacks.intern(creatorStack, false)));
        return this;
    }

    SyntheticRecording ended(Duration offset, long id) {
        events.add(new ThreadEnded(at(offset), id));
        return this;
    }

    SyntheticRecording dump(Duration offset, List<Waiting> threads) {
        StringBuilder text = new StringBuilder("2026-12-01 10:00:00\nFull thread dump OpenJDK 64-Bit Server VM "
                + "(25.0.3+9-LTS mixed mode, sharing):\n\n");
        for (Waiting thread : threads) {
            text.append(thread.text());
        }
        events.add(new ThreadDumped(at(offset), text.toString()));
        return this;
    }

    /** A wait that ended at {@code end}, after {@code duration}. */
    SyntheticRecording blocked(Duration end, BlockingKind kind, long id, Duration duration, List<Frame> frames,
                               boolean timed, boolean timedOut) {
        events.add(new Blocked(at(end), kind, id, duration.toNanos(), stacks.intern(frames, false), timed, timedOut,
                "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject"));
        return this;
    }

    SyntheticRecording virtualStarted(Duration offset, long id, String name) {
        events.add(new io.threadwatch.analyzer.event.VirtualThreadStarted(at(offset), id, name));
        return this;
    }

    SyntheticRecording virtualEnded(Duration offset, long id) {
        events.add(new io.threadwatch.analyzer.event.VirtualThreadEnded(at(offset), id));
        return this;
    }

    SyntheticRecording sampled(Duration offset, long id) {
        events.add(new ThreadSampled(at(offset), id, false, Stack.EMPTY));
        return this;
    }

    /** Runs the engine over the events, in time order, with the built-in rules and catalog. */
    EngineResult analyze(Duration window, Duration length) {
        return analyze(window, length, WindowListener.NONE);
    }

    /** As a live watch runs it: {@code listener} hears each window as it closes. */
    EngineResult analyze(Duration window, Duration length, WindowListener listener) {
        AnalysisOptions options = AnalysisOptions.defaults();
        AnalysisEngine engine = new AnalysisEngine(new EngineSettings(T0, window, options.stuckThreshold(),
                options.leakSpanWindows(), options.catalog(), options.rules(), true), listener);
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(Event::time));
        sorted.forEach(engine::accept);
        return engine.finish(at(length));
    }
}
