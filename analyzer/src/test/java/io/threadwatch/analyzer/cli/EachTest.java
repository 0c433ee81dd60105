package io.threadwatch.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadwatch.analyzer.ReportAssertions;
import io.threadwatch.analyzer.TestRecordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze --each}: each recording on its own, a summary line each, findings grouped by site. */
class EachTest {

    private static final String DEADLOCK_17 = TestRecordings.recording("deadlock.default-jdk17.jfr.gz").toString();
    private static final String DEADLOCK_25 = TestRecordings.recording("deadlock.threadwatch-jdk25.jfr.gz").toString();
    private static final String HEALTHY = TestRecordings.recording("hikari-healthy.default-jdk17.jfr.gz").toString();

    @TempDir
    Path dir;

    @Test
    void jsonHoldsEveryReportTheSummaryAndTheSitesSharedByRecordings() throws Exception {
        Path notJfr = Files.writeString(dir.resolve("notes.jfr"), "not a recording\n");

        CliRun run = CliRun.of("analyze", "--each", "--format", "json", DEADLOCK_17, notJfr.toString(), DEADLOCK_25,
                HEALTHY);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode fleet = ReportAssertions.assertValidFleet(run.out());
        assertThat(fleet.get("schema").asText()).isEqualTo("threadwatch.fleet/v1");
        assertThat(fleet.get("recordings").findValuesAsText("file"))
                .containsExactly(DEADLOCK_17, notJfr.toString(), DEADLOCK_25, HEALTHY);
        JsonNode refused = fleet.at("/recordings/1");
        assertThat(refused.get("error").asText()).contains("notes.jfr").isNotBlank();
        assertThat(refused.has("worst")).isFalse();
        JsonNode deadlock = fleet.at("/recordings/0");
        assertThat(deadlock.at("/worst/kind").asText()).isEqualTo("deadlock");
        assertThat(deadlock.at("/worst/severity").asText()).isEqualTo("critical");
        assertThat(deadlock.at("/jvm/version").asText()).startsWith("17.");
        assertThat(deadlock.get("duration").asText()).startsWith("PT");
        assertThat(fleet.at("/recordings/3").has("worst")).as("the healthy sample has no finding").isFalse();

        // Each report is the one analyzing the file alone gives.
        assertThat(fleet.get("reports")).hasSize(3);
        assertThat(fleet.at("/reports/0/report")).isEqualTo(ReportAssertions.assertValid(CliRun.of("analyze", DEADLOCK_17).out()));

        JsonNode shared = fleet.at("/sites/0");
        assertThat(shared.get("kind").asText()).isEqualTo("deadlock");
        assertThat(shared.get("recordings").asInt()).isEqualTo(2);
        assertThat(textValues(shared.get("files"))).containsExactly(DEADLOCK_17, DEADLOCK_25);
        assertThat(shared.get("fingerprint").asText()).isEqualTo(deadlock.at("/worst/fingerprint").asText());
    }

    @Test
    void textHasALinePerRecordingAndTheBySiteView() {
        CliRun run = CliRun.of("analyze", "--each", "--format", "text", DEADLOCK_17, DEADLOCK_25, HEALTHY,
                dir.resolve("missing.jfr").toString());

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("4 recordings: 2 with findings, 1 without, 1 not analyzed");
        assertThat(lines.get(2)).startsWith("RECORDING").contains("WORST FINDING", "DURATION", "JVM", "SITE");
        assertThat(lines.get(3)).startsWith(DEADLOCK_17).contains("CRITICAL deadlock", " s ", "17.");
        assertThat(lines.get(5)).startsWith(HEALTHY).contains(" - ");
        assertThat(lines.get(6)).contains("missing.jfr").contains("not analyzed: ").contains("no such file");
        int bySite = lines.indexOf("BY SITE");
        assertThat(bySite).isPositive();
        assertThat(lines.get(bySite + 1)).startsWith("CRITICAL deadlock at ");
        assertThat(lines.get(bySite + 2)).isEqualTo("  in 2 of 4 recordings: " + DEADLOCK_17 + ", " + DEADLOCK_25);
    }

    @Test
    void aDirectoryStandsForItsRecordings() throws Exception {
        Files.copy(Path.of(HEALTHY), dir.resolve("b.jfr.gz"));
        Files.copy(Path.of(DEADLOCK_17), dir.resolve("a.jfr.gz"));
        Files.writeString(dir.resolve("README.txt"), "not a recording\n");

        CliRun run = CliRun.of("analyze", "--each", dir.toString());

        JsonNode fleet = ReportAssertions.assertValidFleet(run.out());
        assertThat(fleet.get("recordings").findValuesAsText("file"))
                .containsExactly(dir.resolve("a.jfr.gz").toString(), dir.resolve("b.jfr.gz").toString());
    }

    @Test
    void exitCodeFollowsTheWorstFindingOfAnyRecording() {
        assertThat(CliRun.of("analyze", "--each", "--fail-on", "critical", HEALTHY, DEADLOCK_17).exitCode())
                .isEqualTo(ExitCodes.FINDINGS);
        assertThat(CliRun.of("analyze", "--each", "--fail-on", "critical", HEALTHY).exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void noRecordingThatCanBeAnalyzedIsBadInput() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jfr"));

        CliRun run = CliRun.of("analyze", "--each", "--format", "text", empty.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.out()).contains("empty.jfr  not analyzed: '" + empty + "' is empty");
    }

    @Test
    void aDirectoryWithoutRecordingsIsRefused() {
        CliRun run = CliRun.of("analyze", "--each", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).isEqualTo("threadwatch analyze: '" + dir + "' holds no .jfr or .jfr.gz file\n");
    }

    @Test
    void schemaPrintsTheFleetSchema() {
        CliRun run = CliRun.of("schema", "--fleet");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"$id\": \"https://threadwatch.io/schema/fleet-v1.schema.json\"");
        assertThat(CliRun.of("schema", "--fleet", "--lines").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
