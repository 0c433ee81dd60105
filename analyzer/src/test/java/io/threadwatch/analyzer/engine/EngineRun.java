package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.EpochNanos;
import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.Rendering;
import io.threadwatch.analyzer.report.SliPoint;
import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.rules.CatalogLoader;
import io.threadwatch.rules.RuleLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs the engine, with the built-in rules, on a synthetic event sequence, as {@code Analyzer}
 * runs it on a recording: events in commit-time order, then {@link AnalysisEngine#finish}.
 */
final class EngineRun {

    static final Instant T0 = Instant.parse("2026-11-29T21:01:08Z");

    private final StackTable stacks = new StackTable();
    private final List<Event> events = new ArrayList<>();
    private final Duration window;

    EngineRun(Duration window) {
        this.window = window;
    }

    Instant at(double seconds) {
        return T0.plusNanos(Math.round(seconds * 1e9));
    }

    /**
     * An interned stack, top frame first, from {@code class.method:line} strings. It is complete
     * (not cut at a stack depth): its bottom frame is where the thread entered Java, so a request's
     * stack needs the frames that run it (an executor's worker and {@code Thread.run}).
     */
    Stack stack(String... frames) {
        List<Frame> list = new ArrayList<>();
        for (String frame : frames) {
            int colon = frame.lastIndexOf(':');
            int dot = frame.lastIndexOf('.', colon);
            list.add(new Frame(frame.substring(0, dot), frame.substring(dot + 1, colon),
                    Integer.parseInt(frame.substring(colon + 1))));
        }
        return stacks.intern(list, false);
    }

    EngineRun add(Event event) {
        events.add(event);
        return this;
    }

    /** Analyzes the events (sorted by time, as the sources deliver them) up to {@code endSeconds}. */
    EngineResult finish(double endSeconds) {
        AnalysisEngine engine = engine();
        events.stream().sorted(Comparator.comparing(Event::time)).forEach(engine::accept);
        return engine.finish(at(endSeconds));
    }

    /**
     * As {@link #finish}, with each {@link Blocked} wait handed over by its fields
     * ({@link AnalysisEngine#blocked}), as Threadwatch's own parser hands them.
     */
    EngineResult finishByFields(double endSeconds) {
        AnalysisEngine engine = engine();
        events.stream().sorted(Comparator.comparing(Event::time)).forEach(event -> {
            if (event instanceof Blocked wait) {
                engine.blocked(EpochNanos.of(wait.time()), wait.kind(), wait.threadId(), wait.durationNanos(),
                        wait.stack(), wait.timed(), wait.timedOut(), wait.blocker());
            } else {
                engine.accept(event);
            }
        });
        return engine.finish(at(endSeconds));
    }

    private AnalysisEngine engine() {
        return new AnalysisEngine(new EngineSettings(T0, window, EngineSettings.DEFAULT_STUCK_THRESHOLD,
                EngineSettings.DEFAULT_LEAK_SPAN, CatalogLoader.builtIn(), RuleLoader.forSlis(Sli.ids()).builtIn(), true));
    }

    /** The values of one SLI with exactly these labels, by window end. */
    static SortedMap<String, Double> series(EngineResult result, String name, Map<String, String> labels) {
        SortedMap<String, Double> values = new TreeMap<>();
        for (SliPoint point : Rendering.slis(result.slis())) {
            if (point.name().equals(name) && point.labels().equals(new TreeMap<>(labels))) {
                values.put(point.time(), point.value());
            }
        }
        return values;
    }

    static SortedMap<String, Double> series(EngineResult result, String name) {
        return series(result, name, Map.of());
    }

    /** The findings of {@code kind}, as the report renders them. */
    static List<Finding> findings(EngineResult result, String kind) {
        return Rendering.findings(result.findings()).stream().filter(f -> f.kind().equals(kind)).toList();
    }
}
