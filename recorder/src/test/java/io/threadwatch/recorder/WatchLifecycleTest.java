package io.threadwatch.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.threadwatch.fixtures.ThreadSites;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The library API on this JVM's own JFR stream: start and stop are idempotent and clean, the
 * recorder's threads are daemons with names, and the SLIs reach a Micrometer registry.
 */
class WatchLifecycleTest {

    @AfterEach
    void stop() {
        Threadwatch.current().ifPresent(Watch::close);
    }

    @Test
    void startingTwiceReturnsTheRunningWatchAndClosingTwiceIsANoOp() throws Exception {
        Watch first = Threadwatch.start(WatchOptions.defaults().withWindow(Duration.ofSeconds(1)));
        Watch second = Threadwatch.start(WatchOptions.defaults());
        assertThat(second).isSameAs(first);
        assertThat(second.options().window()).isEqualTo(Duration.ofSeconds(1));
        first.close();
        first.close();
        assertThat(first.closed()).isTrue();
        assertThat(Threadwatch.current()).isEmpty();
        Watch again = Threadwatch.start(WatchOptions.defaults().withWindow(Duration.ofSeconds(1)));
        assertThat(again).isNotSameAs(first);
        again.close();
    }

    @Test
    void itsThreadsAreNamedDaemonsAndAllEndWhenItCloses() throws Exception {
        Watch watch = Threadwatch.start(WatchOptions.defaults().withWindow(Duration.ofSeconds(1)));
        awaitWindows(watch, 2);
        List<Thread> ours = threadwatchThreads();
        assertThat(ours).isNotEmpty().allMatch(Thread::isDaemon);
        watch.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!threadwatchThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(threadwatchThreads()).isEmpty();
    }

    @Test
    void theSlisReachAMicrometerRegistryWithBoundedTags() throws Exception {
        Watch watch = Threadwatch.start(WatchOptions.defaults().withWindow(Duration.ofSeconds(1)).withTopSites(2));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        watch.metrics().bindTo(registry);
        // Threads started at 4 sites give threads.start.rate 4 label sets in every window; only 2 may become meters.
        Thread starter = ThreadSites.keepStartingFromEverySite();
        try {
            awaitWindows(watch, 3);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (registry.find("threadwatch.threads.start.rate").gauges().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            starter.interrupt();
        }
        Gauge live = registry.find("threadwatch.threads.live").gauge();
        assertThat(live).as(registry.getMetersAsString()).isNotNull();
        assertThat(live.value()).isGreaterThan(5);
        assertThat(registry.find("threadwatch.recorder.events").functionCounter().count()).isPositive();
        assertThat(registry.find("threadwatch.threads.start.rate").gauges()).as(registry.getMetersAsString()).hasSize(2)
                .allSatisfy(gauge -> assertThat(gauge.getId().getTag("site")).startsWith(ThreadSites.class.getName()));
        assertThat(registry.getMeters())
                .allSatisfy(meter -> assertThat(meter.getId().getName()).startsWith("threadwatch."));
        watch.close();
    }

    @Test
    void thePrometheusEndpointServesTheMeters() throws Exception {
        Watch watch = Threadwatch.start(WatchOptions.defaults().withWindow(Duration.ofSeconds(1))
                .withPrometheus(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        awaitWindows(watch, 2);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + watch.prometheusPort().orElseThrow() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("threadwatch_threads_live ", "threadwatch_recorder_events_total ");
        // Started from this (non-daemon) test thread, the JDK's dispatcher must still be a daemon.
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals("HTTP-Dispatcher"))
                .isNotEmpty().allMatch(Thread::isDaemon);
        watch.close();
    }

    /**
     * A step of construction fails after the Prometheus endpoint started: an evidence directory
     * that cannot be created (its parent is a file), or a JSON Lines target that is a directory.
     * Nothing may stay open: the port is free again and no thread of ours, nor the endpoint's
     * dispatcher, lives on.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"evidence directory under a file", "JSON Lines target is a directory"})
    void aWatchThatFailsToStartClosesWhatItOpened(String failure, @TempDir Path dir) throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, loopback)) {
            port = free.getLocalPort();
        }
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        WatchOptions options = WatchOptions.defaults().withWindow(Duration.ofSeconds(1))
                .withPrometheus(new InetSocketAddress(loopback, port));
        options = failure.startsWith("evidence")
                ? options.withEvidence(file.resolve("evidence"), WatchOptions.DEFAULT_EVIDENCE_MAX_BYTES)
                : options.withJsonLines(dir);
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());

        WatchOptions failing = options;
        assertThatThrownBy(() -> Threadwatch.start(failing)).isInstanceOf(IOException.class);

        assertThat(Threadwatch.current()).isEmpty();
        assertThatCode(() -> new ServerSocket(port, 1, loopback).close()).as("the endpoint's port, free again")
                .doesNotThrowAnyException();
        List<Thread> left = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t))
                .filter(t -> t.getName().startsWith("threadwatch-") || t.getName().startsWith("HTTP-Dispatcher"))
                .toList();
        for (Thread thread : left) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertThat(left).as("threads left by the failed start").noneMatch(Thread::isAlive);
    }

    private static void awaitWindows(Watch watch, int windows) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (watch.counters().windows() < windows && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(watch.counters().windows()).as("windows closed").isGreaterThanOrEqualTo(windows);
    }

    private static List<Thread> threadwatchThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("threadwatch-"))
                .toList();
    }
}
