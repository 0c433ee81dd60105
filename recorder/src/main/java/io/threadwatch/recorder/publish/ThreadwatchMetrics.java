package io.threadwatch.recorder.publish;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.threadwatch.analyzer.report.LiveLine;
import io.threadwatch.analyzer.report.SliPoint;
import io.threadwatch.analyzer.sli.Sli;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Exposes the latest window's SLIs as Micrometer gauges named {@code threadwatch.<sli>} (e.g.
 * {@code threadwatch.threads.live}, {@code threadwatch.blocked.p99}), with the SLI's labels as tags.
 * Tags stay bounded: per SLI only the {@code topSites} label sets with the highest values become
 * meters (the JSON Lines output keeps all), and tags carry site frames, kinds and states, never
 * stacks or thread names. Also {@code threadwatch.findings.active{rule,kind,severity}} and the
 * recorder's own counters ({@code threadwatch.recorder.events}, {@code .windows},
 * {@code .dropped}, {@code .failures}).
 *
 * <p>Bind it to any registry (Spring Boot, Micronaut and Quarkus pick up {@code MeterBinder} beans):
 * <pre>{@code
 * Watch watch = Threadwatch.start(WatchOptions.defaults());
 * watch.metrics().bindTo(registry);
 * }</pre>
 */
public final class ThreadwatchMetrics implements MeterBinder {

    /** Every meter name starts with this. */
    public static final String PREFIX = "threadwatch.";

    private final int topSites;
    private final Supplier<LiveLine.RecorderCounters> counters;
    /** One entry per registry bound: everything a registry shows lives in its {@link Binding}. */
    private final List<Binding> bindings = new CopyOnWriteArrayList<>();
    private volatile Published latest = new Published(List.of(), Map.of());

    /** What the meters show: a window's SLIs and the active findings, published together. */
    private record Published(List<SliPoint> slis, Map<Tags, Integer> active) {
    }

    /**
     * The meters of one registry. {@link #show} runs under this binding's own lock (never one the
     * host takes), so a registry being bound on a host thread and a window being published on the
     * output thread never interleave their rows, and whichever runs last shows the latest window.
     */
    private final class Binding {
        private final Map<String, MultiGauge> slis;
        private final MultiGauge findings;

        Binding(Map<String, MultiGauge> slis, MultiGauge findings) {
            this.slis = slis;
            this.findings = findings;
        }

        /** Shows what is published now: read under the lock, so an older window never overwrites a newer one. */
        synchronized void show() {
            Published shown = latest;
            register(slis, findings, shown.slis(), shown.active());
        }
    }

    /**
     * @param topSites most label sets per SLI that become meters
     * @param counters the recorder's own counters, read when a registry reads the meters
     */
    public ThreadwatchMetrics(int topSites, Supplier<LiveLine.RecorderCounters> counters) {
        if (topSites < 1) {
            throw new IllegalArgumentException("topSites must be at least 1, not " + topSites);
        }
        this.topSites = topSites;
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /** Binds the meters to {@code registry}; safe while {@link #update} runs on another thread. */
    @Override
    public void bindTo(MeterRegistry registry) {
        Map<String, MultiGauge> gauges = new HashMap<>();
        for (Sli sli : Sli.values()) {
            MultiGauge.Builder builder = MultiGauge.builder(PREFIX + sli.id()).description(sli.meaning());
            String unit = baseUnit(sli.unit());
            if (unit != null) {
                builder.baseUnit(unit);
            }
            gauges.put(sli.id(), builder.register(registry));
        }
        MultiGauge findings = MultiGauge.builder(PREFIX + "findings.active")
                .description("findings that fired and have not cleared")
                .register(registry);
        FunctionCounter.builder(PREFIX + "recorder.events", counters, c -> c.get().events())
                .description("JFR events Threadwatch has read").register(registry);
        FunctionCounter.builder(PREFIX + "recorder.windows", counters, c -> c.get().windows())
                .description("windows Threadwatch has closed").register(registry);
        FunctionCounter.builder(PREFIX + "recorder.dropped", counters, c -> c.get().dropped())
                .description("outputs Threadwatch dropped because a queue was full").register(registry);
        FunctionCounter.builder(PREFIX + "recorder.failures", counters, c -> c.get().failures())
                .description("failures inside Threadwatch, caught and counted").register(registry);
        Gauge.builder(PREFIX + "recorder.top.sites", () -> topSites)
                .description("most label sets per SLI published as meters").register(registry);
        Binding binding = new Binding(gauges, findings);
        // Listed before it is filled: an update from now on reaches it, and one before has already
        // set what show() reads.
        bindings.add(binding);
        binding.show();
    }

    /**
     * Publishes a window's SLIs and the active findings (by rule, kind and severity) to every bound
     * registry. Call from one thread; registries read the values whenever they like, and may be
     * bound meanwhile.
     */
    public void update(List<SliPoint> slis, Map<Tags, Integer> active) {
        latest = new Published(List.copyOf(slis), Map.copyOf(active));
        for (Binding binding : bindings) {
            binding.show();
        }
    }

    private void register(Map<String, MultiGauge> gauges, MultiGauge findings, List<SliPoint> slis,
                          Map<Tags, Integer> active) {
        Map<String, List<SliPoint>> byName = new HashMap<>();
        for (SliPoint point : slis) {
            byName.computeIfAbsent(point.name(), n -> new ArrayList<>()).add(point);
        }
        for (Map.Entry<String, MultiGauge> gauge : gauges.entrySet()) {
            List<SliPoint> points = byName.getOrDefault(gauge.getKey(), List.of());
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (SliPoint point : top(points)) {
                rows.add(MultiGauge.Row.of(tags(point), point.value()));
            }
            gauge.getValue().register(rows, true);
        }
        List<MultiGauge.Row<?>> findingRows = new ArrayList<>();
        active.forEach((tags, count) -> findingRows.add(MultiGauge.Row.of(tags, count)));
        findings.register(findingRows, true);
    }

    /** The label sets with the highest values; an SLI without labels has one. */
    private List<SliPoint> top(List<SliPoint> points) {
        if (points.size() <= topSites) {
            return points;
        }
        return points.stream()
                .sorted(Comparator.comparingDouble(SliPoint::value).reversed()
                        .thenComparing(p -> p.labels().toString()))
                .limit(topSites)
                .toList();
    }

    private static Tags tags(SliPoint point) {
        Tags tags = Tags.empty();
        for (Map.Entry<String, String> label : point.labels().entrySet()) {
            tags = tags.and(label.getKey(), label.getValue());
        }
        return tags;
    }

    /** Micrometer's base unit for an SLI unit, where there is one. */
    private static String baseUnit(String unit) {
        switch (unit) {
            case "ms": return "milliseconds";
            case "bytes": return "bytes";
            case "bytes/hour": return "bytes.per.hour";
            case "threads/s": return "threads.per.second";
            case "threads/hour": return "threads.per.hour";
            default: return null;
        }
    }
}
