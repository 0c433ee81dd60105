package io.threadwatch.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * JMC's parser stays out of the agent jar: it reads files offline and keeps every event on the
 * heap, which has no place inside a service. The agent's own analyze command says so in one line
 * instead of failing on a missing class.
 */
class AgentJarContentsIT {

    private static Path agentJar() {
        return Path.of(System.getProperty("threadwatch.agent", "target/threadwatch-agent.jar"));
    }

    @Test
    void theAgentJarCarriesNoJmcNorWhatJmcBrings() throws IOException {
        try (JarFile jar = new JarFile(agentJar().toFile())) {
            List<String> jmc = jar.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("org/openjdk/jmc/") || name.startsWith("net/jpountz/")
                            || name.startsWith("org/owasp/"))
                    .toList();
            assertThat(jmc).isEmpty();
            assertThat(jar.getEntry("io/threadwatch/analyzer/source/JfrFileSource.class")).isNotNull();
        }
    }

    @Test
    void theAgentsAnalyzeRefusesTheJmcParserInOneLine() throws Exception {
        Path recording = Path.of(System.getProperty("threadwatch.recordings", "../samples/recordings"))
                .resolve("deadlock.default-jdk17.jfr.gz");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", agentJar().toString(), "analyze", "--parser", "jmc", recording.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isEqualTo(3);
        assertThat(err.lines().toList()).as(err).hasSize(1);
        assertThat(err).contains("the jmc parser is not in this build");
    }
}
