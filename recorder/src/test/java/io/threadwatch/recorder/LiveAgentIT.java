package io.threadwatch.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each sample app, run live under the agent on the running JDK (17 or 25; the virtual-thread
 * apps on 21+), fires exactly the finding kinds at the sites that offline analysis reports for
 * its recording: same engine, same rules, fed by a RecordingStream instead of a file. Healthy
 * controls must fire nothing. Short windows, dumps and stuck threshold keep each run to seconds;
 * every fired finding must leave its evidence files. Two apps run at a time (see the failsafe
 * configuration); the agent starts the watch before each app's main method ({@code sync-start}).
 */
@Execution(ExecutionMode.CONCURRENT)
class LiveAgentIT {

    /** Short windows for a short run; the defaults are for services that run for days. */
    private static final String OPTIONS = "window=2s,stuck-threshold=8s,thread-dump-period=2s,sync-start=true";

    @TempDir
    Path dir;

    static Stream<SampleApps.App> apps() {
        return SampleApps.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void firesWhatOfflineAnalysisFinds(SampleApps.App app) throws Exception {
        assumeTrue(app.available(), app.name() + " needs JDK 21+");
        AgentRun run = AgentRun.start(dir, app.name(), AgentRun.samplesClassPath(), app.mainClass(), app.jvmArgs(),
                OPTIONS, app.seconds()).awaitExit();
        String log = run.log();
        run.keepOnFailure(() -> {
            assertThat(log).contains("threadwatch agent: watching this JVM");
            LiveLines lines = run.lines();
            assertThat(lines.firedKindsAndSites()).as("fired live; log:%n%s", log)
                    .containsExactlyElementsOf(app.offlineFindings());
            List<JsonNode> windows = lines.windows();
            assertThat(windows).hasSizeGreaterThan(3);
            JsonNode last = windows.get(windows.size() - 1).get("recorder");
            assertThat(last.get("failures").asLong()).as("failures inside Threadwatch").isZero();
            assertThat(last.get("dropped").asLong()).as("dropped outputs").isZero();
            for (JsonNode fired : lines.findings("fired")) {
                assertEvidence(run.output(), fired.get("finding").get("rule").asText());
            }
        });
    }

    /** A fired finding leaves its finding JSON, a thread dump and a snapshot, named by time and rule. */
    private static void assertEvidence(Path output, String rule) {
        try (Stream<Path> files = Files.list(output)) {
            List<String> names = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.contains("-" + rule + "-"))
                    .toList();
            assertThat(names).as("evidence of %s", rule)
                    .anyMatch(n -> n.endsWith(".finding.json"))
                    .anyMatch(n -> n.endsWith(Runtime.version().feature() >= 21 ? ".threads.json" : ".threads.txt"))
                    .anyMatch(n -> n.endsWith(".jfr"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
