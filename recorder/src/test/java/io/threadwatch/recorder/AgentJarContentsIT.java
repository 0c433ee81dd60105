package io.threadwatch.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JMC's parser stays out of the agent jar: it reads files offline and keeps every event on the
 * heap, which has no place inside a service. The agent's own analyze command says so in one line
 * instead of failing on a missing class.
 */
class AgentJarContentsIT {

    @TempDir
    Path dir;

    private static Path agentJar() {
        return Path.of(System.getProperty("threadwatch.agent", "target/threadwatch-agent.jar"));
    }

    @Test
    void theAgentJarCarriesNoJmcNorWhatJmcBringsNorTheChartLibrary() throws IOException {
        try (JarFile jar = new JarFile(agentJar().toFile())) {
            List<String> jmc = jar.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("org/openjdk/jmc/") || name.startsWith("net/jpountz/")
                            || name.startsWith("org/owasp/") || name.startsWith("META-INF/resources/webjars/"))
                    .toList();
            assertThat(jmc).isEmpty();
            assertThat(jar.getEntry("io/threadwatch/analyzer/source/jdk/JfrFileSource.class")).isNotNull();
        }
    }

    @Test
    void theAgentsAnalyzeRefusesTheJmcParserInOneLine() throws Exception {
        Path recording = Path.of(System.getProperty("threadwatch.recordings", "../samples/recordings"))
                .resolve("deadlock.default-jdk17.jfr.gz");
        assertRefusedInOneLine(3, "the jmc parser is not in this build", "analyze", "--parser", "jmc", recording.toString());
    }

    @Test
    void theAgentsAnalyzeRefusesTheHtmlFormatInOneLine() throws Exception {
        Path recording = Path.of(System.getProperty("threadwatch.recordings", "../samples/recordings"))
                .resolve("deadlock.default-jdk17.jfr.gz");
        assertRefusedInOneLine(2, "the html format is not in this build", "analyze", "--format", "html",
                recording.toString());
    }

    @Test
    void theAgentsAnalyzeRefusesAZipRecordingInOneLine() throws Exception {
        Path zip = dir.resolve("recording.jfr.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("recording.jfr"));
            out.write("FLR\0".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        assertRefusedInOneLine(3, "is zip-compressed, which only the jmc parser reads, and this build leaves it out",
                "analyze", zip.toString());
    }

    private static void assertRefusedInOneLine(int exitCode, String message, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", agentJar().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isEqualTo(exitCode);
        assertThat(err.lines().toList()).as(err).hasSize(1);
        assertThat(err).contains(message);
    }
}
