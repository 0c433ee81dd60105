package io.threadwatch.recorder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The sample apps (the patients), how to start each, and what offline analysis finds in them. */
final class SampleApps {

    private static final String PKG = "io.threadwatch.samples.";
    /** A live run's length: the problems of most apps show within seconds of their load starting. */
    private static final int SECONDS = 24;

    /**
     * One app.
     *
     * @param name      as in {@code samples/recordings/<name>.<variant>.jfr.gz}
     * @param mainClass its service's main class
     * @param jvmArgs   extra JVM options of the service
     * @param seconds   how long to run it live: long enough for its problem to build up and be seen
     */
    record App(String name, String mainClass, List<String> jvmArgs, int seconds) {
        @Override
        public String toString() {
            return name;
        }

        /** Whether its classes are on the test class path (the virtual-thread apps are built on JDK 21+ only). */
        boolean available() {
            try {
                Class.forName(mainClass, false, SampleApps.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException e) {
                return false;
            }
        }

        /**
         * What offline analysis finds in its recording with the full Threadwatch settings
         * ({@code <name>.threadwatch-jdk25.expected.json}), as {@code kind class.method}, sorted.
         */
        List<String> offlineFindings() {
            Path file = recordings().resolve(name + ".threadwatch-jdk25.expected.json");
            try {
                JsonNode json = new ObjectMapper().readTree(file.toFile());
                List<String> expected = new ArrayList<>();
                for (JsonNode finding : json.get("findings")) {
                    expected.add(finding.get("kind").asText() + " " + finding.get("site").asText());
                }
                expected.sort(null);
                return expected;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private SampleApps() {
    }

    static List<App> all() {
        return List.of(
                app("thread-per-request", "threadperrequest.ThreadPerRequestServer"),
                app("scheduler-leak", "schedulerleak.ConfigService"),
                app("silent-clients", "silentclients.TelemetryServer"),
                // Its pool runs dry only after ~14 s of load; its threads must then stay stuck past the threshold.
                new App("leaky-pool", PKG + "leakypool.OrderServer", List.of(), 34),
                app("future-get", "futureget.QuoteServer"),
                app("hot-lock", "hotlock.CheckoutService"),
                app("deadlock", "deadlock.BankService"),
                app("idle-pool", "idlepool.InventoryServer"),
                app("warmup-pool", "warmuppool.ThumbnailService"),
                app("bursty-cached-pool", "burstycachedpool.ReportService"),
                app("job-scheduler", "jobscheduler.JobScheduler"),
                app("vthread-leak", "vthreadleak.PaymentService"),
                app("vthread-pinning", "vthreadpinning.PricingService"),
                app("unbounded-cache", "unboundedcache.ExportService", "-Xms512m", "-Xmx512m"),
                app("busy-vthreads", "busyvthreads.SearchService"),
                app("large-flat-heap", "largeflatheap.CatalogService", "-Xms512m", "-Xmx512m"));
    }

    private static App app(String name, String mainClass, String... jvmArgs) {
        return new App(name, PKG + mainClass, List.of(jvmArgs), SECONDS);
    }

    static Path recordings() {
        String configured = System.getProperty("threadwatch.recordings");
        return configured != null ? Path.of(configured) : Path.of("..", "samples", "recordings");
    }
}
