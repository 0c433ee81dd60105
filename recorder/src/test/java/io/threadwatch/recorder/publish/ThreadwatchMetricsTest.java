package io.threadwatch.recorder.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.threadwatch.analyzer.report.LiveLine;
import io.threadwatch.analyzer.report.SliPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * Registries bound on host threads while the output thread publishes windows: every registry
 * ends up showing the latest window, and nothing fails on the way.
 */
class ThreadwatchMetricsTest {

    private static final LiveLine.RecorderCounters COUNTERS = new LiveLine.RecorderCounters(0, 0, 0, 0);
    private static final String BINDER = "host-binder";

    /** Window {@code i}: {@code i} live threads, a p99 of {@code i} ms at one site, one active finding of {@code i}. */
    private static List<SliPoint> window(int i) {
        String time = "2026-11-29T10:00:00.000Z";
        return List.of(new SliPoint(time, "threads.live", new TreeMap<>(), i),
                new SliPoint(time, "blocked.p99", new TreeMap<>(Map.of("kind", "park", "site", "com.acme.Pool.borrow")), i));
    }

    private static Map<Tags, Integer> active(int i) {
        return Map.of(Tags.of("rule", "blocked-p99", "kind", "long-blocking", "severity", "warning"), i);
    }

    private static void assertShows(MeterRegistry registry, int i) {
        assertThat(registry.get("threadwatch.threads.live").gauge().value()).isEqualTo(i);
        assertThat(registry.get("threadwatch.blocked.p99").tag("site", "com.acme.Pool.borrow").gauge().value())
                .isEqualTo(i);
        assertThat(registry.get("threadwatch.findings.active").gauges()).singleElement()
                .extracting(Gauge::value).isEqualTo((double) i);
    }

    /**
     * The binder stops inside its registration (a meter-added listener holds it at a latch) while a
     * window is published. The publisher either finishes or waits for the binder; either way the
     * registry must show the window published last, not the one the binder started from.
     */
    @Test
    void aRegistryBoundWhileAWindowIsPublishedShowsThatWindow() throws Exception {
        ThreadwatchMetrics metrics = new ThreadwatchMetrics(10, () -> COUNTERS);
        metrics.update(window(1), active(1));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CountDownLatch binderInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        registry.config().onMeterAdded(meter -> {
            if (Thread.currentThread().getName().equals(BINDER)
                    && meter.getId().getName().equals("threadwatch.threads.live") && binderInside.getCount() > 0) {
                binderInside.countDown();
                awaitUninterruptibly(release);
            }
        });
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Thread binder = thread(BINDER, () -> metrics.bindTo(registry), failures);
        binder.start();
        binderInside.await();
        Thread publisher = thread("threadwatch-output", () -> metrics.update(window(2), active(2)), failures);
        publisher.start();
        // Done, or waiting for the binder: nothing else can let it go on.
        while (publisher.getState() != Thread.State.TERMINATED && publisher.getState() != Thread.State.BLOCKED) {
            Thread.onSpinWait();
        }
        release.countDown();
        binder.join();
        publisher.join();
        assertThat(failures).isEmpty();
        assertShows(registry, 2);
    }

    /** Binders on several threads and the publisher start together, round after round. */
    @Test
    void concurrentBindersAndUpdatesLoseNoWindow() throws Exception {
        int binders = 3;
        int rounds = 40;
        ThreadwatchMetrics metrics = new ThreadwatchMetrics(10, () -> COUNTERS);
        List<MeterRegistry> registries = new ArrayList<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int round = 1; round <= rounds; round++) {
            CyclicBarrier start = new CyclicBarrier(binders + 1);
            List<Thread> threads = new ArrayList<>();
            for (int b = 0; b < binders; b++) {
                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                registries.add(registry);
                threads.add(thread(BINDER + "-" + b, () -> {
                    await(start);
                    metrics.bindTo(registry);
                }, failures));
            }
            int window = round;
            threads.add(thread("threadwatch-output", () -> {
                await(start);
                metrics.update(window(window), active(window));
            }, failures));
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(failures).as("round %d", round).isEmpty();
            for (MeterRegistry registry : registries) {
                assertShows(registry, round);
            }
        }
    }

    private static Thread thread(String name, Runnable task, ConcurrentLinkedQueue<Throwable> failures) {
        Thread thread = new Thread(task, name);
        thread.setUncaughtExceptionHandler((t, e) -> failures.add(e));
        return thread;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
