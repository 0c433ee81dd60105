package io.threadwatch.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.fixtures.OldJacksonApp;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent jar carries its dependencies relocated: an application with an old Jackson (2.12) on
 * its class path keeps its own, and the agent, which needs 2.21, still writes its findings. Were
 * Jackson not relocated, the agent's classes would resolve to the application's older copy, which
 * comes first on the class path.
 */
class AgentRelocationIT {

    @TempDir
    Path dir;

    @Test
    void anApplicationWithAnOldJacksonKeepsItAndTheAgentStillWorks() throws Exception {
        Path oldJackson = Path.of(System.getProperty("threadwatch.oldJackson", "target/old-jackson"));
        String classPath;
        try (Stream<Path> jars = Files.list(oldJackson)) {
            List<String> entries = new ArrayList<>(jars.map(Path::toString).sorted().toList());
            assertThat(entries).as("old Jackson jars in %s", oldJackson).hasSize(3);
            entries.add(0, testClasses());
            classPath = String.join(File.pathSeparator, entries);
        }
        AgentRun run = AgentRun.start(dir, "old-jackson", classPath, OldJacksonApp.class.getName(), List.of(),
                "window=1s,sync-start=true", 16).awaitExit();
        String log = run.log();
        run.keepOnFailure(() -> {
            assertThat(log).contains("application jackson 2.12.7", "threadwatch agent: watching this JVM")
                    .doesNotContain("Exception", "Error");
            LiveLines lines = run.lines();
            assertThat(lines.windows()).isNotEmpty();
            assertThat(lines.firedKindsAndSites())
                    .containsExactly("thread-leak io.threadwatch.fixtures.SteadyLeakApp$Subscriptions.subscribe");
        });
    }

    private static String testClasses() {
        try {
            return Path.of(OldJacksonApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
