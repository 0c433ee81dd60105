package io.threadwatch.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadwatch.analyzer.ReportAssertions;
import io.threadwatch.analyzer.TestRecordings;
import org.junit.jupiter.api.Test;

/** Several files are one recording, in time order, whatever order they are given in. */
class MultiFileTest {

    @Test
    void filesAreAnalyzedAsOneRecordingInTimeOrder() {
        String earlier = TestRecordings.recording("deadlock.default-jdk17.jfr.gz").toString();
        String later = TestRecordings.recording("scheduler-leak.default-jdk17.jfr.gz").toString();
        JsonNode forward = ReportAssertions.assertValid(CliRun.of("analyze", earlier, later).out());
        JsonNode backward = ReportAssertions.assertValid(CliRun.of("analyze", later, earlier).out());

        assertThat(backward).isEqualTo(forward);
        assertThat(forward.at("/source/chunks").asInt()).isEqualTo(2);
        assertThat(forward.at("/source/name").asText()).isIn(
                "deadlock.default-jdk17.jfr.gz, scheduler-leak.default-jdk17.jfr.gz",
                "scheduler-leak.default-jdk17.jfr.gz, deadlock.default-jdk17.jfr.gz");
        assertThat(forward.get("findings").findValuesAsText("kind")).contains("deadlock");
    }
}
