package io.threadwatch.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's {@code --help} prints as written. Picocli formats descriptions as format strings:
 * a bare {@code %} ("about 40% of the chunk's bytes") made it warn on standard error, beside
 * the help, and print that paragraph unformatted.
 */
class HelpTextTest {

    /**
     * Each description picocli will format, formatted as it does: independent of whether picocli's
     * warnings reach this JVM's standard error (its tracer may hold the stream an earlier test saw).
     */
    @Test
    void everyDescriptionIsAValidFormatString() {
        CommandLine root = ThreadwatchCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        for (CommandLine command : root.getSubcommands().values()) {
            CommandSpec spec = command.getCommandSpec();
            List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
            texts.addAll(List.of(spec.usageMessage().header()));
            texts.addAll(List.of(spec.usageMessage().footer()));
            spec.options().forEach(option -> texts.addAll(List.of(option.description())));
            spec.positionalParameters().forEach(parameter -> texts.addAll(List.of(parameter.description())));
            for (String text : texts) {
                assertThatCode(() -> String.format(text)).as("%s: %s", spec.qualifiedName(), text)
                        .doesNotThrowAnyException();
            }
        }
    }

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
