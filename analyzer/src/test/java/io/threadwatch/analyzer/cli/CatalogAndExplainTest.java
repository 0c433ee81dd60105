package io.threadwatch.analyzer.cli;

import static io.threadwatch.analyzer.TestRecordings.recording;
import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.ReportAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog on the command line, and the explanations of what was not reported. */
class CatalogAndExplainTest {

    @TempDir
    Path dir;

    private String sample(String name) {
        return recording(name).toString();
    }

    @Test
    void rulesListsTheCatalogWithAUserFilesEntries() throws IOException {
        Path mine = Files.writeString(dir.resolve("mine.yaml"), """
                idleWaits:
                  - {method: "com.acme.bus.Dispatcher.nextEvent", why: "the bus dispatcher waiting for events"}
                """);
        CliRun run = CliRun.of("rules", "--catalog", mine.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("java.util.concurrent.ThreadPoolExecutor.getTask", "io.netty.",
                "com.acme.bus.Dispatcher.nextEvent", "the bus dispatcher waiting for events [" + mine + "]");
        assertThat(CliRun.of("rules", "--catalog").out()).contains("idle waits").doesNotContain("com.acme");
    }

    @Test
    void aBadCatalogFileIsAUsageErrorWithItsLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "idleWaits:\n  - {method: \"next\", why: \"x\"}\n");
        CliRun run = CliRun.of("analyze", sample("idle-pool.default-jdk17.jfr.gz"), "--catalog", bad.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("bad.yaml:2: idleWaits[0]: method: 'next' is not class.method");
        assertThat(CliRun.of("rules", "--catalog", bad.toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void explainSaysWhyIdleThreadsWereNotReported() {
        CliRun text = CliRun.of("analyze", sample("idle-pool.threadwatch-jdk25.jfr.gz"), "--format", "text", "--explain");
        assertThat(text.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(text.out()).contains("Why these were not reported:",
                "catalog: java.util.concurrent.ThreadPoolExecutor.getTask, a pool worker waiting for its next task",
                "inventory-worker-");
        CliRun json = CliRun.of("analyze", sample("idle-pool.threadwatch-jdk25.jfr.gz"));
        assertThat(ReportAssertions.assertValid(json.out()).get("explanations")).isNotEmpty();
    }
    @Test
    void rulesListsThePatternsAndAUserPatternNamesAFinding() throws IOException {
        assertThat(CliRun.of("rules", "--catalog").out()).contains("patterns (",
                "executor-per-call-never-shutdown", "thread-leak: an executor or scheduler created per call",
                "fix: ");
        Path mine = Files.writeString(dir.resolve("mine.yaml"), """
                patterns:
                  - id: audit-log-lock
                    kinds: [contention]
                    title: the audit log's lock
                    fix: write the audit log from one writer thread
                    match: {waits: ["io.threadwatch.samples.hotlock.AuditLog.append"]}
                """);
        assertThat(CliRun.of("rules", "--catalog", mine.toString()).out())
                .contains("audit-log-lock", "contention: the audit log's lock [" + mine + "]");
        // The user's pattern is tried before the built-in ones; without it, the built-in pattern names the finding.
        CliRun with = CliRun.of("analyze", sample("hot-lock.default-jdk17.jfr.gz"), "--catalog", mine.toString(),
                "--format", "text");
        assertThat(with.out()).contains("pattern: audit-log-lock", "fix: write the audit log from one writer thread");
        assertThat(CliRun.of("analyze", sample("hot-lock.default-jdk17.jfr.gz"), "--format", "text").out())
                .contains("pattern: lock-held-across-io").doesNotContain("audit-log-lock");
    }
}
