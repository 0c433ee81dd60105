package io.threadwatch.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.ChunkSurgery;
import io.threadwatch.analyzer.ReportAssertions;
import io.threadwatch.analyzer.TestRecordings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file the JDK's parser cannot read is refused in one line with exit code 3 under
 * {@code --parser jdk}, even when the parser throws an {@code Error} rather than an exception: the
 * JDK's {@code ChunkParser} throws {@code InternalError("Pool ... must contain at least one
 * element")} for an empty constant pool (17 and 25), which used to escape as a stack trace and
 * exit code 1, the code for findings.
 */
class JdkParserRefusalTest {

    @TempDir
    Path dir;

    private Path emptyPool() throws Exception {
        Path plain = TestRecordings.gunzip(TestRecordings.recording("deadlock.default-jdk17.jfr.gz"),
                dir.resolve("deadlock.jfr"));
        return Files.write(dir.resolve("empty-pool.jfr"), ChunkSurgery.withEmptyConstantPool(Files.readAllBytes(plain)));
    }

    @Test
    void anInternalErrorOfTheJdkParserIsAOneLineRefusal() throws Exception {
        Path file = emptyPool();

        CliRun run = CliRun.of("analyze", "--parser", "jdk", file.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).as("stderr").hasSize(1);
        assertThat(run.err()).startsWith("threadwatch analyze: 'empty-pool.jfr': the JDK's JFR parser fails on it: ")
                .contains("java.lang.InternalError: Pool ", "must contain at least one element")
                .doesNotContain("\tat ");
    }

    /** Without {@code --parser}, the file still gets a report (JMC's parser skips the empty pool). */
    @Test
    void withoutAChosenParserTheFileIsStillAnalyzed() throws Exception {
        CliRun run = CliRun.of("analyze", emptyPool().toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(ReportAssertions.assertValid(run.out()).at("/findings/0/kind").asText()).isEqualTo("deadlock");
    }
}
