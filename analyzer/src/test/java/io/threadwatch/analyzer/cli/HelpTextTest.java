package io.threadwatch.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every command's {@code --help} prints as written. Picocli formats descriptions as format strings:
 * a bare {@code %} ("about 40% of the chunk's bytes") made it warn on standard error, beside
 * the help, and print that paragraph unformatted.
 */
class HelpTextTest {

    @Test
    void everyCommandsHelpFormatsWithoutAWarning() {
        // Ours; picocli's own "help" prints the others' help.
        List<String> commands = ThreadwatchCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())).getSubcommands().keySet().stream()
                .filter(command -> !command.equals("help")).toList();
        assertThat(commands).contains("analyze", "partial", "diff", "serve");
        PrintStream original = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            for (String command : commands) {
                CliRun run = CliRun.of(command, "--help");
                assertThat(run.exitCode()).as(command).isEqualTo(ExitCodes.OK);
                assertThat(run.out()).as(command).startsWith("Usage: threadwatch " + command);
                assertThat(run.err()).as(command).isEmpty();
            }
            CliRun top = CliRun.of("--help");
            assertThat(top.out()).contains("Exit codes:");
        } finally {
            System.setErr(original);
        }
        assertThat(stderr.toString(StandardCharsets.UTF_8)).as("what picocli printed on standard error")
                .doesNotContain("WARN");
    }
}
