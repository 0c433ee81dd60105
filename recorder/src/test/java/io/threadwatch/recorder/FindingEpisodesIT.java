package io.threadwatch.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadwatch.analyzer.AnalysisOptions;
import io.threadwatch.analyzer.Analyzer;
import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.fixtures.TimedOutPollApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pool whose waiting threads time out together every 3 s, in two bursts with quiet between
 * them, watched live in 2 s windows under the agent and recorded with {@code threadwatch.jfc} in the
 * same run. A 3 s wait ends in two windows out of three: the long-blocking finding used to fire and
 * clear every third window. Now each burst is one episode: live, {@code fired} once per burst and
 * {@code cleared} only after the burst has ended and the rule's hold has passed; offline, one
 * finding spanning both episodes.
 */
class FindingEpisodesIT {

    private static final String SITE = TimedOutPollApp.class.getName() + "$Pool.borrow";
    private static final Pattern BURST = Pattern.compile("burst (\\d) from (\\S+) to (\\S+)");
    private static final int SECONDS = 55;

    @TempDir
    Path dir;

    @Test
    void eachBurstOfWaitsTimingOutTogetherIsOneEpisodeLiveAndOffline() throws Exception {
        Path jfr = dir.resolve("timed-out-poll.jfr");
        Path jfc = Path.of(System.getProperty("threadwatch.jfc", "../threadwatch.jfc")).toAbsolutePath();
        AgentRun run = AgentRun.start(dir, "timed-out-poll", testClasses(), TimedOutPollApp.class.getName(),
                List.of("-XX:StartFlightRecording:settings=" + jfc + ",filename=" + jfr + ",dumponexit=true"),
                "window=2s,sync-start=true", SECONDS).awaitExit();
        String log = run.log();
        run.keepOnFailure(() -> {
            List<Instant> burstEnds = new ArrayList<>();
            Matcher burst = BURST.matcher(log);
            while (burst.find()) {
                burstEnds.add(Instant.parse(burst.group(3)));
            }
            assertThat(burstEnds).as(log).hasSize(2);

            LiveLines lines = run.lines();
            List<JsonNode> fired = atSite(lines.findings("fired"));
            List<JsonNode> cleared = atSite(lines.findings("cleared"));
            assertThat(fired).as("fired lines; log:%n%s", log).hasSize(2);
            assertThat(cleared).as("cleared lines; log:%n%s", log).hasSize(2);
            for (int episode = 1; episode <= 2; episode++) {
                JsonNode firedLine = fired.get(episode - 1);
                JsonNode clearedLine = cleared.get(episode - 1);
                Instant firedAt = Instant.parse(firedLine.get("time").asText());
                Instant clearedAt = Instant.parse(clearedLine.get("time").asText());
                assertThat(firedLine.get("finding").get("episodes").asInt()).isEqualTo(episode);
                assertThat(clearedLine.get("finding").get("episodes").asInt()).isEqualTo(episode);
                assertThat(firedAt).as("episode %d fired before its burst ended", episode)
                        .isBefore(burstEnds.get(episode - 1));
                // The hold: 3 windows of 2 s without the conditions, after the burst's last wait ended.
                assertThat(clearedAt).as("episode %d cleared after its burst and the hold", episode)
                        .isAfterOrEqualTo(burstEnds.get(episode - 1).plus(Duration.ofSeconds(5)));
                if (episode == 2) {
                    assertThat(firedAt).as("the second episode fired after the first cleared")
                            .isAfter(Instant.parse(cleared.get(0).get("time").asText()));
                }
            }
        });

        Report report = Analyzer.analyze(List.of(jfr), AnalysisOptions.defaults().withWindow(Duration.ofSeconds(2)));
        run.keepOnFailure(() -> {
            List<Finding> longBlocking = report.findings().stream()
                    .filter(f -> f.kind().equals("long-blocking"))
                    .filter(f -> f.site() != null && f.site().frame().startsWith(SITE + "("))
                    .toList();
            assertThat(longBlocking).as("offline findings: %s", report.findings()).singleElement()
                    .satisfies(f -> assertThat(f.episodes()).isEqualTo(2));
        });
    }

    private static List<JsonNode> atSite(List<JsonNode> lines) {
        return lines.stream()
                .filter(l -> l.get("finding").get("kind").asText().equals("long-blocking"))
                .filter(l -> l.get("finding").get("site").get("frame").asText().startsWith(SITE + "("))
                .toList();
    }

    private static String testClasses() throws Exception {
        return Path.of(TimedOutPollApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
