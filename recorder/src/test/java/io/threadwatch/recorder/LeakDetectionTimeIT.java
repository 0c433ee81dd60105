package io.threadwatch.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadwatch.fixtures.SteadyLeakApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How soon a leak of one thread every two seconds is reported. With the default 20 s windows the
 * leak trend needs 4 window ends and the rule 3 windows in a row, so it fires 6 windows, about 2
 * minutes, after the leak starts (bench/leak-detection-time.sh measures that). Here time runs ten
 * times faster: 2 s windows and a thread every 200 ms, so each window sees the same 10 threads
 * (the rule's growth bound is a thread count, which does not scale) and the same chain of windows
 * must complete within a tenth of the 3-minute budget.
 */
class LeakDetectionTimeIT {

    private static final Pattern FIRST_LEAK = Pattern.compile("first leak at (\\S+)");

    @TempDir
    Path dir;

    @Test
    void aLeakReportedWithinThreeMinutesWithDefaultWindowsIsReportedWithinATenthOfThatTenTimesFaster()
            throws Exception {
        AgentRun run = AgentRun.start(dir, "steady-leak", testClasses(), SteadyLeakApp.class.getName(), List.of(),
                "window=2s,sync-start=true", 30, List.of("--every", "200")).awaitExit();
        String log = run.log();
        run.keepOnFailure(() -> {
            Matcher first = FIRST_LEAK.matcher(log);
            assertThat(first.find()).as(log).isTrue();
            Instant leakStart = Instant.parse(first.group(1));
            List<JsonNode> fired = run.lines().findings("fired");
            assertThat(fired).as(log).isNotEmpty();
            JsonNode finding = fired.get(0);
            assertThat(finding.get("finding").get("kind").asText()).isEqualTo("thread-leak");
            Duration latency = Duration.between(leakStart, Instant.parse(finding.get("time").asText()));
            assertThat(latency).as("leak start to report").isLessThan(Duration.ofSeconds(18));
        });
    }

    private static String testClasses() throws Exception {
        return Path.of(SteadyLeakApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
