package io.threadwatch.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.samples.schedulerleak.ConfigService;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watching a JVM that was started without the agent: {@code threadwatch attach PID} loads it
 * into the running JVM, and {@code threadwatch watch --jmx} streams its events over JMX. Both
 * report the scheduler leak at its site, like the agent given at startup.
 */
class AttachAndJmxIT {

    private static final String LEAK = "thread-leak io.threadwatch.samples.schedulerleak.ConfigReloader.reload";

    @TempDir
    Path dir;

    @Test
    void attachLoadsTheAgentIntoARunningJvm() throws Exception {
        AgentRun app = AgentRun.startWithout(dir, "attached", AgentRun.samplesClassPath(),
                ConfigService.class.getName(),
                List.of(), 30);
        Path output = dir.resolve("threadwatch");
        int code = AgentRun.cli(dir, "attach", List.of("attach", Long.toString(app.process().pid()),
                "--window", "2s", "--output", output.toString()), 60);
        String attachLog = Files.readString(dir.resolve("attach.log"));
        assertThat(code).as(attachLog).isZero();
        assertThat(attachLog).contains("threadwatch agent loaded into JVM " + app.process().pid());
        app.awaitExit();
        String log = app.log();
        app.keepOnFailure(() -> {
            assertThat(log).contains("threadwatch agent: watching this JVM");
            assertThat(LiveLines.read(output.resolve("threadwatch.jsonl")).firedKindsAndSites()).containsExactly(LEAK);
        });
    }

    @Test
    void watchStreamsAnotherJvmOverJmx() throws Exception {
        int port = freePort();
        AgentRun app = AgentRun.startWithout(dir, "jmx-watched", AgentRun.samplesClassPath(),
                ConfigService.class.getName(), List.of("-Dcom.sun.management.jmxremote.port=" + port,
                        "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                        "-Dcom.sun.management.jmxremote.authenticate=false",
                        "-Dcom.sun.management.jmxremote.ssl=false",
                        "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                        "-Djava.rmi.server.hostname=127.0.0.1"), 50);
        Path output = dir.resolve("watch-output");
        Path jsonl = dir.resolve("watch.jsonl");
        // Creating a RemoteRecordingStream took up to 16 s on the busy build machine: hence the long run.
        Thread.sleep(2_000);
        // The watch would last 5 minutes: it must end by itself, soon after the app's 50 s run ends.
        int code = AgentRun.cli(dir, "watch", List.of("watch", "--jmx", "127.0.0.1:" + port, "--duration", "5m",
                "--window", "2s", "--jsonl", jsonl.toString(), "--output", output.toString()), 120);
        String watchLog = Files.readString(dir.resolve("watch.log"));
        app.awaitExit();
        app.keepOnFailure(() -> {
            assertThat(code).as(watchLog).isZero();
            assertThat(watchLog).contains("127.0.0.1:" + port).contains("went away after");
            LiveLines lines = LiveLines.read(jsonl);
            assertThat(lines.firedKindsAndSites()).as(watchLog).containsExactly(LEAK);
            assertThat(output).isDirectoryContaining(p -> p.getFileName().toString().endsWith(".threads.txt"))
                    .isDirectoryContaining(p -> p.getFileName().toString().endsWith(".jfr"));
        });
    }

    @Test
    void attachingToNoSuchJvmIsBadInputInOneLine() throws Exception {
        int code = AgentRun.cli(dir, "attach-nothing", List.of("attach", "2147483646"), 60);
        String log = Files.readString(dir.resolve("attach-nothing.log"));
        assertThat(code).as(log).isEqualTo(3);
        assertThat(log).startsWith("threadwatch attach: cannot attach to JVM 2147483646").hasLineCount(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
