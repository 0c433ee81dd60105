package io.threadwatch.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadwatch.analyzer.ReportAssertions;
import io.threadwatch.analyzer.TestRecordings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

    private static final String DEADLOCK = "deadlock.default-jdk17.jfr.gz";
    private static final String IDLE_POOL = "idle-pool.default-jdk17.jfr.gz";

    @TempDir
    Path dir;

    private static String recording(String name) {
        return TestRecordings.recording(name).toString();
    }

    @Test
    void textReportMatchesTheGoldenFile() throws IOException {
        CliRun run = CliRun.of("analyze", recording(DEADLOCK), "--format", "text");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        Path golden = Path.of("src/test/resources/golden/deadlock.default-jdk17.txt");
        if (Boolean.getBoolean("threadwatch.updateGolden")) {
            Files.writeString(golden, run.out(), StandardCharsets.UTF_8);
        }
        assertThat(run.out()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void jsonIsTheDefaultAndValidatesAgainstTheSchema() {
        CliRun run = CliRun.of("analyze", recording(DEADLOCK));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode report = ReportAssertions.assertValid(run.out());
        assertThat(report.at("/findings/0/kind").asText()).isEqualTo("deadlock");
        assertThat(report.at("/source/name").asText()).isEqualTo(DEADLOCK);
    }

    @Test
    void twoRunsOnOneFileAreByteIdentical() {
        String first = CliRun.of("analyze", recording(DEADLOCK)).out();
        String second = CliRun.of("analyze", recording(DEADLOCK)).out();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void failOnExitsWithOneOnlyWhenAFindingIsAtLeastThatSevere() {
        assertThat(CliRun.of("analyze", recording(DEADLOCK), "--fail-on", "critical").exitCode())
                .isEqualTo(ExitCodes.FINDINGS);
        assertThat(CliRun.of("analyze", recording(DEADLOCK), "--fail-on", "warning").exitCode())
                .isEqualTo(ExitCodes.FINDINGS);
        assertThat(CliRun.of("analyze", recording(IDLE_POOL), "--fail-on", "info").exitCode())
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void outputWritesTheSameReportToAFile() throws IOException {
        Path out = dir.resolve("report.json");
        CliRun run = CliRun.of("analyze", recording(DEADLOCK), "--output", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo(CliRun.of("analyze", recording(DEADLOCK)).out());
    }

    @Test
    void aRuleFileCanSwitchOffABuiltInRule() throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "rules:\n  - id: deadlock\n    enabled: false\n");
        CliRun run = CliRun.of("analyze", recording(DEADLOCK), "--rules", rules.toString(), "--fail-on", "info");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode report = ReportAssertions.assertValid(run.out());
        assertThat(report.get("findings")).isEmpty();
        assertThat(report.at("/analysis/rules").toString()).doesNotContain("\"deadlock\"");
    }

    @Test
    void aBadRuleFileIsRefusedWithItsLineAndReason() throws IOException {
        Path rules = Files.writeString(dir.resolve("bad.yaml"), "rules:\n  - id: deadlock\n    for: 0\n");
        CliRun run = CliRun.of("analyze", recording(DEADLOCK), "--rules", rules.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("threadwatch analyze: " + rules
                + ":2: rule 'deadlock': for: must be at least 1 window, not 0" + System.lineSeparator());
    }

    @Test
    void anExplicitWindowIsUsed() {
        JsonNode report = ReportAssertions.assertValid(CliRun.of("analyze", recording(DEADLOCK), "--window", "10s").out());
        assertThat(report.at("/analysis/window").asText()).isEqualTo("PT10S");
    }

    @Test
    void helpDescribesOptionsAndExitCodes() {
        CliRun run = CliRun.of("analyze", "--help");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("--format", "--rules", "--window", "--fail-on", "--output", "--stuck-threshold",
                "Exit codes:", "0   Success", "1   Findings", "2   Usage error", "3   A recording cannot be analyzed",
                "4   Internal error");
    }
}
